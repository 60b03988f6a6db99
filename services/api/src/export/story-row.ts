// One story as a flat export row (CSV columns, in this order); cells are made formula-safe by
// csvLine (mention-row.ts), like the mention export.
import type { Story } from '@earshot/schema';

export const STORY_CSV_COLUMNS = [
  'id',
  'brandId',
  'title',
  'size',
  'velocity',
  'firstSeen',
  'lastSeen',
  'dominantSentiment',
  'negative',
  'neutral',
  'positive',
  'languages',
  'sources',
  'topics',
  'keyTerms',
] as const;

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([k, n]) => `${k}:${n}`)
    .join(';');

export function storyRow(s: Story): Record<(typeof STORY_CSV_COLUMNS)[number], string | number> {
  return {
    id: s.id,
    brandId: s.brandId,
    title: s.title,
    size: s.size,
    velocity: s.velocity,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    dominantSentiment: s.dominantSentiment,
    negative: s.sentiment.negative,
    neutral: s.sentiment.neutral,
    positive: s.sentiment.positive,
    languages: counts(s.languages),
    sources: counts(s.sources),
    topics: s.topics.join(';'),
    keyTerms: s.keyTerms.join(';'),
  };
}

// Mentions are placed in time by when they were published, or collected when the source gives no
// date. Stores, the alerter, the story tracker and the API all order and bucket by this one rule.
import type { EnrichedMention } from './mention.js';

export function mentionTime(m: Pick<EnrichedMention, 'publishedAt' | 'collectedAt'>): number {
  const published = m.publishedAt ? Date.parse(m.publishedAt) : NaN;
  return Number.isFinite(published) ? published : Date.parse(m.collectedAt);
}

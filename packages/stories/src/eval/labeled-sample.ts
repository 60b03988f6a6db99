// The labeled sample grouping quality is measured on (testdata/labeled-stories.jsonl): our own texts
// — the demo feeds, the demo's live items, and mentions written for this sample — each labelled with
// the story a person would put it in. Enriched here by the real analyzer, so the grouping sees what
// it sees in the pipeline, then grouped in time order and scored pairwise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Analyzer } from '@earshot/nlp';
import type { EnrichedMention } from '@earshot/schema';
import { pairwiseScores, type PairwiseScores } from '../pairwise.js';
import { createStoryTracker } from '../story-tracker.js';

export interface LabeledMention {
  id: string;
  brandId: string;
  lang: string;
  sourceId: string;
  publishedAt: string;
  title: string;
  text: string;
  /** The story label. */
  story: string;
  /** Where the text comes from (all of it ours). */
  origin: string;
}

export const LABELED_SAMPLE = fileURLToPath(new URL('../../testdata/labeled-stories.jsonl', import.meta.url));

/** The demo's brands and the words that name them (as in demo/earshot.demo.yaml). */
export const SAMPLE_BRAND_TERMS: Record<string, string[]> = {
  nordtel: ['Nordtel', 'Нордтел', 'נורדטל'],
  tundra: ['Tundra Coffee', 'Тундра Кофе'],
};

export function readLabeledSample(path = LABELED_SAMPLE): LabeledMention[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledMention);
}

export function enrichLabeled(sample: LabeledMention[], analyzer: Analyzer): EnrichedMention[] {
  return sample.map((s) => {
    const nlp = analyzer.analyze(`${s.title}. ${s.text}`, { langHint: s.lang });
    return {
      id: s.id,
      brandId: s.brandId,
      sourceId: s.sourceId,
      sourceType: 'rss',
      url: `https://sample.earshot.invalid/${encodeURIComponent(s.id)}`,
      title: s.title,
      text: s.text,
      publishedAt: s.publishedAt,
      collectedAt: s.publishedAt,
      nlp: { ...nlp, enrichedAt: s.publishedAt },
    };
  });
}

export interface GroupingResult {
  /** Over every pair of mentions of the same brand. */
  scores: PairwiseScores;
  /** Over pairs in different languages only: how far grouping reaches across languages. */
  crossLanguage: PairwiseScores;
  stories: number;
  labels: number;
  /** Mention id → the story it was put in. */
  assigned: Map<string, string>;
}

/** Groups the enriched sample in time order and scores it against the labels. */
export function evaluateGrouping(
  sample: LabeledMention[],
  mentions: EnrichedMention[],
  options: { threshold?: number; brandTerms?: Record<string, string[]> } = {},
): GroupingResult {
  const tracker = createStoryTracker({
    brandTerms: options.brandTerms ?? SAMPLE_BRAND_TERMS,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
  });
  const byId = new Map(sample.map((s) => [s.id, s]));
  const ordered = [...mentions].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id));
  const assigned = new Map<string, string>();
  const rows = ordered.map((m) => {
    const s = byId.get(m.id);
    if (!s) throw new Error(`no label for mention ${m.id}`);
    const predicted = tracker.add(m).storyId;
    assigned.set(m.id, predicted);
    return { predicted, label: `${s.brandId}/${s.story}`, lang: s.lang, brandId: s.brandId };
  });
  const sameBrand = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.brandId === b.brandId;
  return {
    scores: pairwiseScores(rows, sameBrand),
    crossLanguage: pairwiseScores(rows, (a, b) => sameBrand(a, b) && a.lang !== b.lang),
    stories: new Set(rows.map((r) => r.predicted)).size,
    labels: new Set(rows.map((r) => r.label)).size,
    assigned,
  };
}

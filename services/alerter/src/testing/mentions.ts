// Test support: enriched mentions and config built in one line each, for scripted streams.
import { parseConfig, type EarshotConfig } from '@earshot/config';
import type { BrandAccountRole, EnrichedMention, SentimentLabel } from '@earshot/schema';

export interface MentionSpec {
  id: string;
  brandId?: string;
  at: number | string;
  sentiment?: SentimentLabel;
  sourceId?: string;
  lang?: string;
  topics?: [string, SentimentLabel][];
  warning?: boolean;
  rating?: number;
  reach?: number;
  duplicateOf?: string;
  /** `by-brand`: posted by one of the brand's own accounts; `to-brand`: addressed to them. */
  brandAccount?: BrandAccountRole;
  title?: string;
  text?: string;
  /** Sentiment score; by default -0.7 / 0 / 0.7 for the label. */
  score?: number;
}

export function mention(spec: MentionSpec): EnrichedMention {
  const at = new Date(spec.at).toISOString();
  const label = spec.sentiment ?? 'negative';
  const score = spec.score ?? (label === 'negative' ? -0.7 : label === 'positive' ? 0.7 : 0);
  return {
    id: spec.id,
    brandId: spec.brandId ?? 'nordtel',
    sourceId: spec.sourceId ?? 'reviews',
    sourceType: 'rss',
    url: `https://reviews.example.org/${spec.id}`,
    title: spec.title ?? `Mention ${spec.id}`,
    text: spec.text ?? `Text of ${spec.id}`,
    publishedAt: at,
    collectedAt: at,
    ...(spec.rating !== undefined ? { rating: spec.rating } : {}),
    ...(spec.reach !== undefined ? { reach: spec.reach } : {}),
    ...(spec.duplicateOf ? { duplicateOf: spec.duplicateOf } : {}),
    ...(spec.brandAccount ? { brandAccount: spec.brandAccount } : {}),
    nlp: {
      lang: spec.lang ?? 'en',
      sentiment: { label, score },
      topics: (spec.topics ?? []).map(([topic, s]) => ({ topic, sentiment: { label: s, score: s === 'negative' ? -0.6 : 0.5 } })),
      signals: { warning: spec.warning ?? false, recommendation: false, phrases: [] },
      enrichedAt: at,
    },
  };
}

/** A config with two brands, two sources and the rules given as YAML flow lines. */
export function testConfig(rules: string[], extra = ''): EarshotConfig {
  const yaml = `
brands:
  - { id: nordtel, name: Nordtel }
  - { id: acme, name: Acme }
sources:
  - { id: reviews, type: rss, url: "https://reviews.example.org/feed", brand: all }
  - { id: forum, type: rss, url: "https://forum.example.org/feed", brand: nordtel }
rules:${rules.length === 0 ? ' []' : ''}
${rules.map((r) => `  - ${r}`).join('\n')}
${extra}`;
  return parseConfig(yaml, 'test.yaml', { env: {} });
}

export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const MIN = 60_000;

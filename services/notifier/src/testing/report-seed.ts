// Test support: a week of mentions, alerts and stories (ours) for report tests. The report week is Monday
// 16 to Monday 23 November 2026, 09:00 in Tallinn (07:00 UTC, winter time).
import { parseConfig, type EarshotConfig } from '@earshot/config';
import type { Alert, EnrichedMention, SentimentLabel, Story } from '@earshot/schema';
import { alert } from './fixtures.js';

export const REPORT_WEEK = { from: Date.parse('2026-11-16T07:00:00.000Z'), to: Date.parse('2026-11-23T07:00:00.000Z') };

export function reportConfig(extra = ''): EarshotConfig {
  return parseConfig(
    `
brands:
  - { id: nordtel, name: Nordtel }
  - { id: acme, name: Acme }
sources:
  - { id: demo-en, type: rss, url: "https://forum.example.org/en.xml", title: Telecom Talk forum }
  - { id: demo-ru, type: rss, url: "https://otzyvy.example.org/ru.xml", title: Otzyvy reviews }
  - { id: demo-et, type: rss, url: "https://arvustused.example.org/et.xml" }
${extra}`,
    'report-test.yaml',
  );
}

function mention(id: string, brandId: string, at: string, lang: string, sentiment: SentimentLabel, topics: string[] = []): EnrichedMention {
  return {
    id,
    brandId,
    sourceId: `demo-${lang}`,
    sourceType: 'rss',
    url: `https://reviews.example.org/${id}`,
    title: `${brandId} ${id}`,
    text: `Our test mention ${id}`,
    publishedAt: at,
    collectedAt: at,
    nlp: {
      lang,
      sentiment: { label: sentiment, score: sentiment === 'negative' ? -0.7 : sentiment === 'positive' ? 0.7 : 0 },
      topics: topics.map((topic) => ({ topic, sentiment: { label: sentiment, score: 0 } })),
      signals: { warning: false, recommendation: false, phrases: [] },
      enrichedAt: at,
    },
  };
}

export function reportMentions(): EnrichedMention[] {
  return [
    // The report week: Nordtel 6 (3 negative, 2 positive, 1 neutral), Acme 2.
    mention('w1', 'nordtel', '2026-11-17T10:00:00.000Z', 'ru', 'negative', ['price']),
    mention('w2', 'nordtel', '2026-11-18T12:00:00.000Z', 'en', 'negative', ['price']),
    mention('w3', 'nordtel', '2026-11-19T09:00:00.000Z', 'et', 'positive', ['service']),
    mention('w4', 'nordtel', '2026-11-20T15:00:00.000Z', 'kk', 'neutral', ['delivery']),
    mention('w5', 'nordtel', '2026-11-22T21:30:00.000Z', 'he', 'negative', ['service']), // Sunday 23:30 in Tallinn
    mention('w6', 'nordtel', '2026-11-22T22:30:00.000Z', 'en', 'positive'), // Monday 00:30 in Tallinn
    mention('a1', 'acme', '2026-11-18T08:00:00.000Z', 'en', 'positive'),
    mention('a2', 'acme', '2026-11-19T08:00:00.000Z', 'en', 'positive'),
    // The week before: Nordtel 2.
    mention('p1', 'nordtel', '2026-11-10T10:00:00.000Z', 'en', 'negative', ['price']),
    mention('p2', 'nordtel', '2026-11-12T10:00:00.000Z', 'en', 'positive'),
    // After the report was due.
    mention('n1', 'nordtel', '2026-11-23T08:00:00.000Z', 'en', 'negative', ['price']),
  ];
}

export function reportAlerts(): Alert[] {
  return [
    alert({
      key: 'wom:nordtel:1',
      ruleId: 'wom',
      ruleType: 'high-impact',
      severity: 'critical',
      title: 'Nordtel: "don\'t buy" <warning> spreading',
      openedAt: '2026-11-18T12:05:00.000Z',
      updatedAt: '2026-11-18T12:05:00.000Z',
    }),
    alert({
      key: 'neg:nordtel:1',
      severity: 'warning',
      title: 'Nordtel: 3 negative mentions in 10m',
      openedAt: '2026-11-17T10:05:00.000Z',
      updatedAt: '2026-11-17T11:00:00.000Z',
      state: 'resolved',
      revision: 2,
    }),
    alert({
      key: 'neg:nordtel:old',
      severity: 'info',
      title: 'Nordtel: an old alert',
      openedAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-02T10:00:00.000Z',
    }),
    alert({
      key: 'wom:acme:1',
      ruleId: 'wom',
      brandId: 'acme',
      severity: 'critical',
      title: 'Acme: high-impact mention',
      openedAt: '2026-11-19T08:05:00.000Z',
      updatedAt: '2026-11-19T08:05:00.000Z',
    }),
  ];
}

function story(id: string, over: Partial<Story> & Pick<Story, 'brandId' | 'title' | 'firstSeen' | 'lastSeen' | 'sentiment' | 'languages'>): Story {
  const { negative, neutral, positive } = over.sentiment;
  return {
    id,
    size: negative + neutral + positive,
    velocity: 0,
    dominantSentiment: negative >= Math.max(neutral, positive) ? 'negative' : positive > neutral ? 'positive' : 'neutral',
    sources: {},
    topics: [],
    keyTerms: [],
    mentionIds: [],
    samples: [],
    profile: {},
    updatedAt: over.lastSeen,
    ...over,
  };
}

/** Stories of the week (two of Nordtel's, one of Acme's) and one of Nordtel's that ended before it. */
export function reportStories(): Story[] {
  return [
    story('st-price', {
      brandId: 'nordtel',
      title: 'Price rise <b>again</b>',
      firstSeen: '2026-11-17T08:00:00.000Z',
      lastSeen: '2026-11-19T10:00:00.000Z',
      sentiment: { negative: 3, neutral: 1, positive: 0 },
      languages: { en: 1, ru: 3 },
    }),
    story('st-shop', {
      brandId: 'nordtel',
      title: 'New shop in Tartu',
      firstSeen: '2026-11-20T08:00:00.000Z',
      lastSeen: '2026-11-20T09:00:00.000Z',
      sentiment: { negative: 0, neutral: 1, positive: 1 },
      languages: { et: 2 },
    }),
    story('st-acme', {
      brandId: 'acme',
      title: 'Acme outage',
      firstSeen: '2026-11-18T08:00:00.000Z',
      lastSeen: '2026-11-18T09:00:00.000Z',
      sentiment: { negative: 5, neutral: 0, positive: 0 },
      languages: { en: 5 },
    }),
    story('st-old', {
      brandId: 'nordtel',
      title: 'an old story',
      firstSeen: '2026-11-01T08:00:00.000Z',
      lastSeen: '2026-11-02T09:00:00.000Z',
      sentiment: { negative: 9, neutral: 0, positive: 0 },
      languages: { en: 9 },
    }),
  ];
}

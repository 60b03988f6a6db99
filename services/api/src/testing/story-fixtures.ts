// Stories for API and dashboard tests (our own texts): a negative outage told in three languages, a
// price complaint, a positive story of another brand, and one whose title is markup (shown as text).
import type { SentimentLabel, Story } from '@earshot/schema';

interface StorySeed {
  id: string;
  brandId: string;
  title: string;
  size: number;
  minutesAgo: number;
  sentiment: Record<SentimentLabel, number>;
  languages: Record<string, number>;
  keyTerms: string[];
}

const SEEDS: StorySeed[] = [
  {
    id: 'st-outage',
    brandId: 'nordtel',
    title: 'Nordtel outage in Tartu #NordtelDown',
    size: 6,
    minutesAgo: 5,
    sentiment: { negative: 5, neutral: 1, positive: 0 },
    languages: { en: 3, ru: 2, he: 1 },
    keyTerms: ['#NordtelDown', '4411', 'internet'],
  },
  {
    id: 'st-prices',
    brandId: 'nordtel',
    title: 'Нордтел снова поднял цены',
    size: 3,
    minutesAgo: 90,
    sentiment: { negative: 3, neutral: 0, positive: 0 },
    languages: { ru: 2, kk: 1 },
    keyTerms: ['тариф', 'цены'],
  },
  {
    id: 'st-latte',
    brandId: 'tundra',
    title: 'Tundra Coffee oat latte',
    size: 2,
    minutesAgo: 30,
    sentiment: { negative: 0, neutral: 0, positive: 2 },
    languages: { en: 2 },
    keyTerms: ['latte'],
  },
  {
    id: 'st-markup',
    brandId: 'nordtel',
    title: '<img src=x onerror="window.__pwned = true"> new plan',
    size: 2,
    minutesAgo: 600,
    sentiment: { negative: 0, neutral: 2, positive: 0 },
    languages: { en: 2 },
    keyTerms: ['plan'],
  },
];

export function seedStories(now = Date.now()): Story[] {
  return SEEDS.map((s) => {
    const last = new Date(now - s.minutesAgo * 60_000).toISOString();
    const first = new Date(now - (s.minutesAgo + 50) * 60_000).toISOString();
    const dominant: SentimentLabel =
      s.sentiment.negative >= Math.max(s.sentiment.positive, s.sentiment.neutral) && s.sentiment.negative > 0
        ? 'negative'
        : s.sentiment.positive > s.sentiment.neutral
          ? 'positive'
          : 'neutral';
    const lang = Object.keys(s.languages)[0]!;
    return {
      id: s.id,
      brandId: s.brandId,
      title: s.title,
      size: s.size,
      firstSeen: first,
      lastSeen: last,
      velocity: Math.min(s.size, 3),
      sentiment: s.sentiment,
      dominantSentiment: dominant,
      languages: s.languages,
      sources: { forum: s.size - 1, news: 1 },
      topics: ['service'],
      keyTerms: s.keyTerms,
      mentionIds: Array.from({ length: s.size }, (_, i) => `${s.id}-m${i + 1}`),
      samples: [{ id: `${s.id}-m${s.size}`, title: s.title, url: `https://example.org/${s.id}`, sourceId: 'forum', lang, sentiment: dominant, time: last }],
      profile: {},
      updatedAt: last,
    };
  });
}

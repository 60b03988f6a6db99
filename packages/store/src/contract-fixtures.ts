// Sample mentions and stories the store contract suites write, in five languages (the texts are our
// own). Other tests use sampleMention for a well-formed mention.
import type { EnrichedMention, SentimentLabel, Story } from '@earshot/schema';

export const T0 = Date.parse('2026-11-20T10:00:00.000Z');

export function sampleMention(
  n: number,
  over: Partial<EnrichedMention> & { lang?: string; sentiment?: SentimentLabel; topics?: string[]; warning?: boolean } = {},
): EnrichedMention {
  const { lang = 'en', sentiment = 'neutral', topics = [], warning = false, ...rest } = over;
  const at = new Date(T0 + n * 60_000).toISOString();
  return {
    id: `m${String(n).padStart(4, '0')}`,
    brandId: 'nordtel',
    sourceId: 'src-a',
    sourceType: 'rss',
    url: `https://example.org/${n}`,
    title: `Mention ${n}`,
    text: `Plain text number ${n}`,
    author: 'anna',
    publishedAt: at,
    collectedAt: at,
    nlp: {
      lang,
      sentiment: { label: sentiment, score: sentiment === 'negative' ? -0.8 : sentiment === 'positive' ? 0.8 : 0 },
      topics: topics.map((topic) => ({ topic, sentiment: { label: sentiment, score: 0 } })),
      signals: { warning, recommendation: false, phrases: warning ? ['do not buy'] : [] },
      enrichedAt: at,
    },
    ...rest,
  };
}

export const CONTRACT_MENTIONS: EnrichedMention[] = [
  sampleMention(1, { title: 'Nordtel raised prices again', text: 'The new tariff is far too expensive.', sentiment: 'negative', topics: ['price'] }),
  sampleMention(2, {
    title: 'Nordtel поднял цены',
    text: 'Тарифы стали дороже, поддержка молчит.',
    lang: 'ru',
    sentiment: 'negative',
    topics: ['price', 'service'],
    warning: true,
  }),
  sampleMention(3, {
    title: 'Nordtel қызметі',
    text: 'Жеткізу өте жылдам болды, рахмет!',
    lang: 'kk',
    sentiment: 'positive',
    topics: ['delivery'],
    sourceId: 'src-b',
  }),
  sampleMention(4, { title: 'נורדטל', text: 'השירות של נורדטל מצוין ומהיר', lang: 'he', sentiment: 'positive', topics: ['service'], author: 'dana' }),
  sampleMention(5, {
    title: 'Nordtel hinnad',
    text: 'Hinnad tõusid jälle, klienditeenindus ei vasta.',
    lang: 'et',
    sentiment: 'negative',
    topics: ['price', 'service'],
    sourceId: 'src-b',
  }),
  sampleMention(70, { title: 'Other brand news', text: 'Nothing about prices here.', brandId: 'acme', sentiment: 'neutral' }),
  sampleMention(71, {
    title: 'Курьер опоздал',
    text: 'Заказ пришёл через неделю.',
    lang: 'ru',
    brandId: 'acme',
    sourceId: 'acme-reviews',
    matchedBy: 'owned-source',
    shortened: 'markup',
  }),
  sampleMention(72, { title: '@AcmeSupport', text: '@AcmeSupport where is my parcel?', brandId: 'acme', matchedBy: 'handle', brandAccount: 'to-brand' }),
];

/**
 * Enough mentions, spread over topics, authors and hours, that counting or aggregating them takes
 * some milliseconds on any adapter: the over-budget contract test reads them with a 1 ms budget.
 */
export function busyMentions(n = 3000): EnrichedMention[] {
  return Array.from({ length: n }, (_, i) =>
    sampleMention(1000 + i, {
      topics: [`topic${i % 11}`, `theme${i % 7}`],
      author: `author${i % 97}`,
      sentiment: i % 3 ? 'negative' : 'positive',
      text: `plain words ${i % 31} once more`,
    }),
  );
}

export function sampleStory(id: string, over: Partial<Story> = {}): Story {
  const negative = over.dominantSentiment === 'negative' || over.dominantSentiment === undefined;
  return {
    id,
    brandId: 'nordtel',
    title: `Story ${id}`,
    size: 3,
    firstSeen: '2026-11-20T10:00:00.000Z',
    lastSeen: '2026-11-20T11:00:00.000Z',
    velocity: 2,
    sentiment: { positive: negative ? 0 : 3, neutral: 0, negative: negative ? 3 : 0 },
    dominantSentiment: 'negative',
    languages: { en: 2, ru: 1 },
    sources: { 'src-a': 3 },
    topics: ['service'],
    keyTerms: ['outage', '4411'],
    mentionIds: ['m0001', 'm0002', 'm0003'],
    samples: [
      {
        id: 'm0003',
        title: 'Down again',
        url: 'https://example.org/3',
        sourceId: 'src-a',
        lang: 'en',
        sentiment: 'negative',
        time: '2026-11-20T11:00:00.000Z',
      },
    ],
    profile: { 'n:4411': 3, 'w:outag': 2 },
    updatedAt: '2026-11-20T11:00:00.000Z',
    ...over,
  };
}

export const CONTRACT_STORIES: Story[] = [
  sampleStory('st-outage', {
    title: 'Nordtel outage in Tartu',
    keyTerms: ['#NordtelDown', '4411', 'internet', 'võrgutõrge'],
    size: 7,
    languages: { en: 4, ru: 2, et: 1 },
  }),
  sampleStory('st-prices', {
    title: 'Нордтел поднял цены',
    keyTerms: ['тариф', 'цены'],
    size: 4,
    languages: { ru: 3, kk: 1 },
    lastSeen: '2026-11-20T12:00:00.000Z',
  }),
  sampleStory('st-praise', {
    title: 'שירות מצוין',
    keyTerms: ['מהיר'],
    size: 2,
    dominantSentiment: 'positive',
    languages: { he: 2 },
    lastSeen: '2026-11-19T09:00:00.000Z',
    firstSeen: '2026-11-19T08:00:00.000Z',
  }),
  sampleStory('st-acme', { brandId: 'acme', title: 'Acme outage', keyTerms: ['outage'], size: 9 }),
];

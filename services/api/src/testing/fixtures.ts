// Mentions and an alert for the API's tests and the browser test: several languages and scripts
// (Hebrew, Kazakh, Russian, English), every sentiment, and one mention whose text is a <script> tag
// that must stay text.
import type { Alert, EnrichedMention, SentimentLabel } from '@earshot/schema';

export interface MentionSeed {
  id: string;
  brandId?: string;
  sourceId?: string;
  lang: string;
  sentiment: SentimentLabel;
  title: string;
  text: string;
  author?: string;
  topics?: [string, SentimentLabel][];
  warning?: boolean;
  publishedAt: string;
  matchedBy?: EnrichedMention['matchedBy'];
  brandAccount?: EnrichedMention['brandAccount'];
  shortened?: EnrichedMention['shortened'];
  /** How much of it the analysis judged, where that was not all of it. */
  readChars?: number;
}

export function makeMention(seed: MentionSeed): EnrichedMention {
  const score = seed.sentiment === 'negative' ? -0.6 : seed.sentiment === 'positive' ? 0.6 : 0;
  return {
    id: seed.id,
    brandId: seed.brandId ?? 'nordtel',
    sourceId: seed.sourceId ?? `demo-${seed.lang}`,
    sourceType: 'rss',
    url: `https://reviews.example.org/${seed.id}`,
    title: seed.title,
    text: seed.text,
    ...(seed.author ? { author: seed.author } : {}),
    ...(seed.matchedBy ? { matchedBy: seed.matchedBy } : {}),
    ...(seed.brandAccount ? { brandAccount: seed.brandAccount } : {}),
    ...(seed.shortened ? { shortened: seed.shortened } : {}),
    publishedAt: seed.publishedAt,
    collectedAt: seed.publishedAt,
    nlp: {
      lang: seed.lang,
      sentiment: { label: seed.sentiment, score },
      topics: (seed.topics ?? []).map(([topic, label]) => ({
        topic,
        sentiment: { label, score: label === 'negative' ? -0.5 : label === 'positive' ? 0.5 : 0 },
      })),
      signals: { warning: seed.warning ?? false, recommendation: false, phrases: [] },
      ...(seed.readChars ? { readChars: seed.readChars } : {}),
      enrichedAt: seed.publishedAt,
    },
  };
}

export const SCRIPT_TEXT = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';

export function seedMentions(base = Date.parse('2026-11-23T08:00:00Z')): EnrichedMention[] {
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  return [
    makeMention({
      id: 'm-en-1',
      lang: 'en',
      sentiment: 'negative',
      title: 'Nordtel raised prices again',
      text: 'Nordtel raised prices again and support kept me on hold for an hour. Avoid.',
      author: 'Jane Roe',
      topics: [
        ['price', 'negative'],
        ['service', 'negative'],
      ],
      warning: true,
      publishedAt: at(0),
      matchedBy: 'handle',
      brandAccount: 'to-brand',
    }),
    makeMention({
      id: 'm-en-2',
      lang: 'en',
      sentiment: 'positive',
      title: 'Fast delivery from Nordtel',
      text: 'The new router arrived next day, setup was painless.',
      author: 'Sam Poe',
      topics: [['delivery', 'positive']],
      publishedAt: at(30),
    }),
    makeMention({
      id: 'm-ru-1',
      lang: 'ru',
      sentiment: 'negative',
      title: 'Нордтел снова поднял цены',
      text: 'Нордтел снова поднял цены, а поддержка отвечает через неделю. Не берите их тариф.',
      author: 'Айгерим',
      topics: [
        ['price', 'negative'],
        ['service', 'negative'],
      ],
      warning: true,
      publishedAt: at(60),
    }),
    makeMention({
      id: 'm-kk-1',
      lang: 'kk',
      sentiment: 'positive',
      title: 'Нордтел қызметі ұнады',
      text: 'Нордтелдің қолдау қызметі тез жауап берді, рақмет! Әдемі әрі ыңғайлы қосымша.',
      author: 'Ерлан',
      topics: [['service', 'positive']],
      publishedAt: at(90),
      shortened: 'markup',
    }),
    makeMention({
      id: 'm-he-1',
      lang: 'he',
      sentiment: 'negative',
      title: 'נורדטל העלו מחירים',
      text: 'נורדטל העלו את המחיר בלי להודיע, והשירות לא עונה. אל תקנו.',
      author: 'דנה',
      topics: [['price', 'negative']],
      warning: true,
      publishedAt: at(120),
      shortened: 'text',
      readChars: 100_000,
    }),
    makeMention({
      id: 'm-en-3',
      lang: 'en',
      sentiment: 'neutral',
      title: 'Nordtel <b>announces</b> a new plan',
      text: SCRIPT_TEXT,
      author: 'Mallory',
      topics: [['innovation', 'neutral']],
      publishedAt: at(150),
      matchedBy: 'handle',
      brandAccount: 'by-brand',
    }),
    makeMention({
      id: 'm-tundra-1',
      brandId: 'tundra',
      sourceId: 'demo-en',
      lang: 'en',
      sentiment: 'positive',
      title: 'Tundra Coffee is great',
      text: 'Best flat white in town, friendly staff.',
      author: 'Jane Roe',
      topics: [['quality', 'positive']],
      publishedAt: at(45),
    }),
  ];
}

export function seedAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    key: 'negative-burst:nordtel:2026-11-23T10:00',
    ruleId: 'negative-burst',
    ruleType: 'threshold',
    brandId: 'nordtel',
    severity: 'warning',
    state: 'open',
    revision: 1,
    title: 'Negative mentions of Nordtel are piling up',
    summary: '5 negative mentions in 15 minutes (threshold 5): price, service',
    windowStart: '2026-11-23T09:45:00.000Z',
    windowEnd: '2026-11-23T10:00:00.000Z',
    openedAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    count: 5,
    samples: [],
    ...overrides,
  };
}

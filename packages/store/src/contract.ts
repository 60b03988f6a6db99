// The contract every store adapter must honour, as one suite: the SQLite store runs it in unit
// tests, Elasticsearch in integration tests. The texts are our own, in five languages.
import { describe, expect, it } from 'vitest';
import type { EnrichedMention, SentimentLabel, Story } from '@earshot/schema';
import type { MentionStore } from './port.js';

export interface StoreContractOptions {
  /** A fresh, empty store (unique index prefix / file per call). */
  create(): Promise<MentionStore>;
  /** Makes written documents visible to search (Elasticsearch refresh); a no-op for SQLite. */
  refresh?(store: MentionStore): Promise<void>;
}

const T0 = Date.parse('2026-11-20T10:00:00.000Z');

export function sampleMention(n: number, over: Partial<EnrichedMention> & { lang?: string; sentiment?: SentimentLabel; topics?: string[]; warning?: boolean } = {}): EnrichedMention {
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
  sampleMention(2, { title: 'Nordtel поднял цены', text: 'Тарифы стали дороже, поддержка молчит.', lang: 'ru', sentiment: 'negative', topics: ['price', 'service'], warning: true }),
  sampleMention(3, { title: 'Nordtel қызметі', text: 'Жеткізу өте жылдам болды, рахмет!', lang: 'kk', sentiment: 'positive', topics: ['delivery'], sourceId: 'src-b' }),
  sampleMention(4, { title: 'נורדטל', text: 'השירות של נורדטל מצוין ומהיר', lang: 'he', sentiment: 'positive', topics: ['service'], author: 'dana' }),
  sampleMention(5, { title: 'Nordtel hinnad', text: 'Hinnad tõusid jälle, klienditeenindus ei vasta.', lang: 'et', sentiment: 'negative', topics: ['price', 'service'], sourceId: 'src-b' }),
  sampleMention(70, { title: 'Other brand news', text: 'Nothing about prices here.', brandId: 'acme', sentiment: 'neutral' }),
  sampleMention(71, { title: 'Курьер опоздал', text: 'Заказ пришёл через неделю.', lang: 'ru', brandId: 'acme', sourceId: 'acme-reviews', matchedBy: 'owned-source' }),
  sampleMention(72, { title: '@AcmeSupport', text: '@AcmeSupport where is my parcel?', brandId: 'acme', matchedBy: 'handle', brandAccount: 'to-brand' }),
];

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
    samples: [{ id: 'm0003', title: 'Down again', url: 'https://example.org/3', sourceId: 'src-a', lang: 'en', sentiment: 'negative', time: '2026-11-20T11:00:00.000Z' }],
    profile: { 'n:4411': 3, 'w:outag': 2 },
    updatedAt: '2026-11-20T11:00:00.000Z',
    ...over,
  };
}

export const CONTRACT_STORIES: Story[] = [
  sampleStory('st-outage', { title: 'Nordtel outage in Tartu', keyTerms: ['#NordtelDown', '4411', 'internet'], size: 7, languages: { en: 4, ru: 2, et: 1 } }),
  sampleStory('st-prices', { title: 'Нордтел поднял цены', keyTerms: ['тариф', 'цены'], size: 4, languages: { ru: 3, kk: 1 }, lastSeen: '2026-11-20T12:00:00.000Z' }),
  sampleStory('st-praise', { title: 'שירות מצוין', keyTerms: ['מהיר'], size: 2, dominantSentiment: 'positive', languages: { he: 2 }, lastSeen: '2026-11-19T09:00:00.000Z', firstSeen: '2026-11-19T08:00:00.000Z' }),
  sampleStory('st-acme', { brandId: 'acme', title: 'Acme outage', keyTerms: ['outage'], size: 9 }),
];

export function storeContract(name: string, options: StoreContractOptions): void {
  const refresh = (store: MentionStore) => options.refresh?.(store) ?? Promise.resolve();
  async function seeded(): Promise<MentionStore> {
    const store = await options.create();
    await store.init();
    const result = await store.upsertMentions(CONTRACT_MENTIONS);
    expect(result).toEqual({ written: CONTRACT_MENTIONS.length, rejected: [] });
    await refresh(store);
    return store;
  }

  describe(`store contract: ${name}`, () => {
    it('writes by id: a replay overwrites, never duplicates', async () => {
      const store = await seeded();
      await store.upsertMentions([{ ...CONTRACT_MENTIONS[0]!, title: 'Nordtel raised prices (updated)' }, CONTRACT_MENTIONS[1]!]);
      await refresh(store);
      expect(await store.count({})).toBe(CONTRACT_MENTIONS.length);
      expect((await store.getMention('m0001'))?.title).toBe('Nordtel raised prices (updated)');
      expect(await store.getMention('nope')).toBeUndefined();
      await store.close();
    });

    it('searches full text in several scripts, with filters', async () => {
      const store = await seeded();
      const ids = async (q: Parameters<MentionStore['search']>[0]) => (await store.search(q)).mentions.map((m) => m.id).sort();
      expect(await ids({ text: 'expensive' })).toEqual(['m0001']);
      expect(await ids({ text: 'цены' })).toEqual(['m0002']);
      expect(await ids({ text: 'жылдам' })).toEqual(['m0003']);
      expect(await ids({ text: 'מצוין' })).toEqual(['m0004']);
      expect(await ids({ text: 'klienditeenindus' })).toEqual(['m0005']);
      expect(await ids({ text: 'nordtel', sentiment: 'negative' })).toEqual(['m0001', 'm0002', 'm0005']);
      expect(await ids({ brandId: 'nordtel', lang: ['kk', 'he'] })).toEqual(['m0003', 'm0004']);
      expect(await ids({ topic: 'service', sourceId: 'src-b' })).toEqual(['m0005']);
      expect(await ids({ author: 'dana' })).toEqual(['m0004']);
      expect(await ids({ signal: 'warning' })).toEqual(['m0002']);
      expect(await ids({ from: '2026-11-20T10:02:00.000Z', to: '2026-11-20T10:04:00.000Z' })).toEqual(['m0002', 'm0003']);
      await store.close();
    });

    it('sorts by time, newest first, and paginates with a total', async () => {
      const store = await seeded();
      const page1 = await store.search({ brandId: 'nordtel', limit: 2 });
      const page2 = await store.search({ brandId: 'nordtel', limit: 2, offset: 2 });
      expect(page1.total).toBe(5);
      expect(page1.mentions.map((m) => m.id)).toEqual(['m0005', 'm0004']);
      expect(page2.mentions.map((m) => m.id)).toEqual(['m0003', 'm0002']);
      await store.close();
    });

    it('treats query syntax in search text as plain words', async () => {
      const store = await seeded();
      for (const text of ['title:x OR 1=1', '") OR ("', '* NEAR(a b)', '{"match_all":{}}', 'prices\\']) {
        const result = await store.search({ text });
        expect(result.mentions.every((m) => m.id !== 'm0003')).toBe(true);
      }
      await store.close();
    });

    it('counts and aggregates by sentiment, topic, source, language and time', async () => {
      const store = await seeded();
      expect(await store.count({ brandId: 'nordtel', sentiment: 'negative' })).toBe(3);
      const bySentiment = await store.aggregate({ filter: { brandId: 'nordtel' }, groupBy: ['sentiment'] });
      expect(bySentiment).toEqual([
        { keys: { sentiment: 'negative' }, count: 3 },
        { keys: { sentiment: 'positive' }, count: 2 },
      ]);
      const topicBySentiment = await store.aggregate({ filter: { brandId: 'nordtel' }, groupBy: ['topic', 'sentiment'] });
      expect(topicBySentiment).toEqual(
        expect.arrayContaining([
          { keys: { topic: 'price', sentiment: 'negative' }, count: 3 },
          { keys: { topic: 'service', sentiment: 'negative' }, count: 2 },
          { keys: { topic: 'service', sentiment: 'positive' }, count: 1 },
          { keys: { topic: 'delivery', sentiment: 'positive' }, count: 1 },
        ]),
      );
      expect(topicBySentiment).toHaveLength(4);
      const histogram = await store.aggregate({ filter: { brandId: 'nordtel', sentiment: 'negative' }, groupBy: [], interval: 3 * 60_000 });
      expect(histogram).toEqual([
        { time: T0, keys: {}, count: 2 },
        { time: T0 + 3 * 60_000, keys: {}, count: 1 },
      ]);
      const sources = await store.aggregate({ filter: {}, groupBy: ['sourceId'] });
      expect(sources).toEqual([
        { keys: { sourceId: 'src-a' }, count: 5 },
        { keys: { sourceId: 'src-b' }, count: 2 },
        { keys: { sourceId: 'acme-reviews' }, count: 1 },
      ]);
      const langs = await store.aggregate({ filter: { brandId: 'nordtel' }, groupBy: ['lang'], size: 2 });
      expect(langs).toHaveLength(2);
      await store.close();
    });

    it('filters by how a mention was matched and by the brand\'s own accounts (older mentions count as query)', async () => {
      const store = await seeded();
      const ids = async (q: Parameters<MentionStore['search']>[0]) => (await store.search(q)).mentions.map((m) => m.id).sort();
      expect(await ids({ brandId: 'acme', matchedBy: 'owned-source' })).toEqual(['m0071']);
      expect(await ids({ brandId: 'acme', matchedBy: ['owned-source', 'handle'] })).toEqual(['m0071', 'm0072']);
      expect(await ids({ brandId: 'acme', matchedBy: 'query' })).toEqual(['m0070']);
      expect(await ids({ brandAccount: 'to-brand' })).toEqual(['m0072']);
      expect(await store.count({ matchedBy: 'query' })).toBe(CONTRACT_MENTIONS.length - 2);
      expect((await store.getMention('m0072'))?.brandAccount).toBe('to-brand');
      await store.close();
    });

    it('remembers near-duplicate fingerprints, newest first, bounded by age and count', async () => {
      const store = await options.create();
      await store.init();
      const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
      const records = Array.from({ length: 6 }, (_, i) => ({ brandId: i % 2 ? 'acme' : 'nordtel', id: `m${i}`, hi: 0xffffffff - i, lo: i, seenAt: at(i), ...(i === 5 ? { duplicateOf: 'm3' } : {}) }));
      await store.saveFingerprints(records);
      await store.saveFingerprints([{ ...records[0]!, hi: 7 }]); // a replay overwrites
      expect((await store.recentFingerprints({ since: at(0), limit: 100 })).map((r) => r.id)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1', 'm0']);
      expect(await store.recentFingerprints({ since: at(4), limit: 1 })).toEqual([{ brandId: 'acme', id: 'm5', hi: 0xffffffff - 5, lo: 5, duplicateOf: 'm3', seenAt: at(5) }]);
      expect((await store.recentFingerprints({ since: at(0), limit: 100 })).find((r) => r.id === 'm0')?.hi).toBe(7);
      expect(await store.pruneFingerprints({ before: at(1), keep: 3 })).toBe(3);
      expect((await store.recentFingerprints({ since: at(0), limit: 100 })).map((r) => r.id)).toEqual(['m5', 'm4', 'm3']);
      await store.close();
    });

    it('writes stories by id and finds them by brand, text, time, sentiment, language and size', async () => {
      const store = await options.create();
      await store.init();
      await store.upsertStories(CONTRACT_STORIES);
      await store.upsertStories([{ ...CONTRACT_STORIES[0]!, size: 8, velocity: 5 }]);
      await store.upsertStories([{ ...CONTRACT_STORIES[0]!, size: 6, title: 'a stale copy' }]); // stories only grow
      await refresh(store);
      expect(await store.getStory('st-outage')).toEqual({ ...CONTRACT_STORIES[0]!, size: 8, velocity: 5 });
      expect(await store.getStory('nope')).toBeUndefined();
      const ids = async (q: Parameters<MentionStore['searchStories']>[0]) => (await store.searchStories(q)).stories.map((s) => s.id);
      expect(await ids({})).toEqual(['st-prices', 'st-acme', 'st-outage', 'st-praise']); // newest last mention first, then id
      expect(await ids({ brandId: 'nordtel', sort: 'size' })).toEqual(['st-outage', 'st-prices', 'st-praise']);
      expect(await ids({ text: 'outage' })).toEqual(['st-acme', 'st-outage']);
      expect(await ids({ text: 'nordteldown' })).toEqual(['st-outage']);
      expect(await ids({ text: 'цены' })).toEqual(['st-prices']);
      expect(await ids({ text: 'מהיר' })).toEqual(['st-praise']);
      expect(await ids({ text: '") OR ("' })).toEqual([]);
      expect(await ids({ from: '2026-11-20T00:00:00.000Z', brandId: 'nordtel' })).toEqual(['st-prices', 'st-outage']);
      expect(await ids({ to: '2026-11-20T00:00:00.000Z' })).toEqual(['st-praise']);
      expect(await ids({ sentiment: 'positive' })).toEqual(['st-praise']);
      expect(await ids({ lang: ['kk', 'et'] })).toEqual(['st-prices', 'st-outage']);
      expect(await ids({ minSize: 8 })).toEqual(['st-acme', 'st-outage']);
      const page = await store.searchStories({ limit: 1, offset: 1 });
      expect(page).toEqual({ total: 4, stories: [expect.objectContaining({ id: 'st-acme' })] });
      await store.close();
    });

    it('puts histogram buckets on local days, weeks and hours of a time zone, across a clock change', async () => {
      const store = await options.create();
      await store.init();
      // Tallinn's clocks went back from +3 to +2 at 2026-10-25T01:00Z; Kolkata is +5:30 all year.
      const at = (n: number, iso: string) => sampleMention(n, { brandId: 'tz', publishedAt: iso, collectedAt: iso });
      await store.upsertMentions([
        at(101, '2026-10-24T20:30:00.000Z'), // Tallinn Sat 24th 23:30
        at(102, '2026-10-24T21:30:00.000Z'), // Sun 25th 00:30 (+3)
        at(103, '2026-10-25T00:30:00.000Z'), // Sun 03:30, first time (+3)
        at(104, '2026-10-25T01:30:00.000Z'), // Sun 03:30, again (+2)
        at(105, '2026-10-25T21:59:00.000Z'), // Sun 23:59 (+2)
        at(106, '2026-10-25T22:00:00.000Z'), // Mon 26th 00:00
      ]);
      await refresh(store);
      const buckets = async (interval: number, timeZone?: string, filter = {}) =>
        (await store.aggregate({ filter: { brandId: 'tz', ...filter }, groupBy: [], interval, ...(timeZone ? { timeZone } : {}) })).map((b) => [new Date(b.time!).toISOString(), b.count]);
      const HOUR = 3_600_000;
      const DAY = 24 * HOUR;
      expect(await buckets(DAY, 'Europe/Tallinn')).toEqual([
        ['2026-10-23T21:00:00.000Z', 1],
        ['2026-10-24T21:00:00.000Z', 4], // a 25-hour day
        ['2026-10-25T22:00:00.000Z', 1],
      ]);
      expect(await buckets(DAY)).toEqual([
        ['2026-10-24T00:00:00.000Z', 2],
        ['2026-10-25T00:00:00.000Z', 4],
      ]);
      expect(await buckets(7 * DAY, 'Europe/Tallinn')).toEqual([
        ['2026-10-18T21:00:00.000Z', 5], // from Monday 19th
        ['2026-10-25T22:00:00.000Z', 1], // from Monday 26th
      ]);
      expect(await buckets(HOUR, 'Asia/Kolkata')).toEqual([
        ['2026-10-24T20:30:00.000Z', 1],
        ['2026-10-24T21:30:00.000Z', 1],
        ['2026-10-25T00:30:00.000Z', 1],
        ['2026-10-25T01:30:00.000Z', 1],
        ['2026-10-25T21:30:00.000Z', 2],
      ]);
      // The repeated hour 03:00–04:00 stays two buckets.
      expect(await buckets(HOUR, 'Europe/Tallinn', { from: '2026-10-25T00:00:00.000Z', to: '2026-10-25T02:00:00.000Z' })).toEqual([
        ['2026-10-25T00:00:00.000Z', 1],
        ['2026-10-25T01:00:00.000Z', 1],
      ]);
      await expect(store.aggregate({ filter: {}, groupBy: [], interval: DAY, timeZone: 'Mars/Olympus' })).rejects.toThrow(/not a time zone/);
      await store.close();
    });

    it('keeps alerts, silences, delivery claims and state', async () => {
      const store = await options.create();
      await store.init();
      const alert = {
        key: 'neg:nordtel:1', ruleId: 'neg', ruleType: 'threshold', brandId: 'nordtel', severity: 'warning' as const, state: 'open' as const,
        revision: 1, title: 't', summary: 's', windowStart: '2026-11-20T10:00:00.000Z', windowEnd: '2026-11-20T10:15:00.000Z',
        openedAt: '2026-11-20T10:15:00.000Z', updatedAt: '2026-11-20T10:15:00.000Z', count: 5, samples: [],
      };
      await store.upsertAlert(alert);
      await store.upsertAlert({ ...alert, revision: 2, state: 'resolved', updatedAt: '2026-11-20T10:30:00.000Z' });
      await refresh(store);
      expect(await store.getAlert('neg:nordtel:1')).toMatchObject({ revision: 2, state: 'resolved' });
      expect(await store.listAlerts({ brandId: 'nordtel', state: 'open' })).toEqual([]);
      expect(await store.listAlerts({ brandId: 'nordtel' })).toHaveLength(1);

      await store.addSilence({ id: 's1', ruleId: 'neg', until: '2026-11-21T00:00:00.000Z' });
      await refresh(store);
      expect(await store.listSilences('2026-11-20T12:00:00.000Z')).toHaveLength(1);
      expect(await store.listSilences('2026-11-22T00:00:00.000Z')).toHaveLength(0);

      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(true);
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(false);
      await store.releaseDelivery('hook:neg:nordtel:1:2');
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(true);
      // A claim left unfinished (a crash mid-delivery) blocks a second sender but not a resumed one.
      expect(await store.claimDelivery('hook:neg:nordtel:1:2', { takeOver: true })).toBe(true);
      await store.completeDelivery('hook:neg:nordtel:1:2');
      expect(await store.claimDelivery('hook:neg:nordtel:1:2', { takeOver: true })).toBe(false);
      await store.releaseDelivery('hook:neg:nordtel:1:2'); // a completed delivery stays completed
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(false);

      await store.setState('collector', 'src-a', { etag: '"x"' });
      expect(await store.getState('collector', 'src-a')).toEqual({ etag: '"x"' });
      expect(await store.getState('collector', 'missing')).toBeUndefined();
      await store.close();
    });
  });
}

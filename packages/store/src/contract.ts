// The contract every store adapter must honour, as one suite: the SQLite store runs it in unit
// tests, Elasticsearch in integration tests. The texts are our own, in five languages.
import { describe, expect, it } from 'vitest';
import type { EnrichedMention, SentimentLabel } from '@earshot/schema';
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
        { keys: { sourceId: 'src-a' }, count: 4 },
        { keys: { sourceId: 'src-b' }, count: 2 },
      ]);
      const langs = await store.aggregate({ filter: { brandId: 'nordtel' }, groupBy: ['lang'], size: 2 });
      expect(langs).toHaveLength(2);
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

// The MentionIndex contract (port.ts): writes by id, full-text search in several scripts, filters,
// counts and aggregations, time-zone histograms, reads held to their time budget. Every adapter runs it: SQLite in unit tests,
// Elasticsearch in integration tests (contract.ts runs the three port suites).
import { describe, expect, it } from 'vitest';
import { busyMentions, CONTRACT_MENTIONS, sampleMention, T0 } from './contract-fixtures.js';
import type { MentionIndex, StoreLifecycle } from './port.js';
import { QueryLimitError } from './query-errors.js';

export interface MentionIndexContractOptions {
  /** A fresh, empty store (unique index prefix / file per call); the suite inits and closes it. */
  create(): Promise<MentionIndex & StoreLifecycle>;
  /** Makes written documents visible to search (Elasticsearch refresh); a no-op for SQLite. */
  refresh?(store: MentionIndex): Promise<void>;
  /** A fresh, empty store whose reads may take at most `budgetMs` (its query timeout). */
  createWithBudget(budgetMs: number): Promise<MentionIndex & StoreLifecycle>;
}

/** The read was stopped at its budget with the named error an API turns into a 503. */
function expectOverBudget(err: unknown, budgetMs: number): void {
  expect(err).toBeInstanceOf(QueryLimitError);
  expect(err).toMatchObject({ reason: 'timeout', code: 'timeout', retriable: true, message: expect.stringContaining(`longer than ${budgetMs} ms`) });
}

export function mentionIndexContract(name: string, options: MentionIndexContractOptions): void {
  const refresh = (store: MentionIndex) => options.refresh?.(store) ?? Promise.resolve();
  async function seeded(): Promise<MentionIndex & StoreLifecycle> {
    const store = await options.create();
    await store.init();
    const result = await store.upsertMentions(CONTRACT_MENTIONS);
    expect(result).toEqual({ written: CONTRACT_MENTIONS.length, rejected: [] });
    await refresh(store);
    return store;
  }

  describe(`mention index contract: ${name}`, () => {
    it('refuses a count or an aggregation over its time budget with a QueryLimitError, never an undercount; a search over it fails or says it is partial', async () => {
      const store = await options.createWithBudget(1);
      const unhurried = await options.create();
      for (const s of [store, unhurried]) {
        await s.init();
        await s.upsertMentions(busyMentions());
        await refresh(s);
      }
      // Thousands of mentions can seldom be counted or grouped in 1 ms. A read over budget is
      // refused, never cut short; one that makes it in time (a fast machine, a small count) must give
      // the whole answer, the same as a store without a budget. The grouping by topic, author and
      // hour cannot make it, so the refusal is always exercised.
      const reads: ((s: MentionIndex) => Promise<unknown>)[] = [
        (s) => s.aggregate({ filter: {}, groupBy: ['topic', 'author'], interval: 3_600_000, timeZone: 'Europe/Tallinn' }),
        (s) => s.count({ sentiment: 'negative', excludeBrandAccount: 'by-brand' }),
        (s) => s.aggregate({ filter: { sentiment: 'negative' }, groupBy: [] }),
      ];
      const refused: boolean[] = [];
      for (const read of reads) {
        const outcome = await read(store).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        refused.push('error' in outcome);
        if ('error' in outcome) expectOverBudget(outcome.error, 1);
        else expect(outcome.value).toEqual(await read(unhurried));
      }
      expect(refused[0]).toBe(true);
      // A search may return what it found by then instead, but then it must say so.
      const searched = await store.search({ text: 'plain words' }).catch((e: unknown) => e);
      if (searched instanceof Error) expectOverBudget(searched, 1);
      else expect(searched).toMatchObject({ partial: true });
      await store.close();
      await unhurried.close();
    });

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
      const ids = async (q: Parameters<MentionIndex['search']>[0]) => (await store.search(q)).mentions.map((m) => m.id).sort();
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

    it("searches text regardless of case, of Latin letters' diacritics and of Hebrew points; a word under three letters is a whole word, not a prefix; other marks belong to their word", async () => {
      const store = await seeded();
      const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
      expect(await ids('tousid')).toEqual(['m0005']); // the text has "tõusid"
      expect(await ids('TÕUSID')).toEqual(['m0005']);
      expect(await ids('expénsive')).toEqual(['m0001']); // the text has "expensive"
      expect(await ids('"TOUSID jalle"')).toEqual(['m0005']);
      expect(await ids('"hinnad tõusid"')).toEqual(['m0005']);
      expect(await ids('"hinnad hinnad"')).toEqual([]); // a phrase within one field: title "Nordtel hinnad", text "Hinnad tõusid…"
      expect(await ids('ei')).toEqual(['m0005']);
      expect(await ids('va')).toEqual([]); // not "vasta"
      expect(await ids('vas')).toEqual(['m0005']);
      expect(await ids('wh')).toEqual([]);
      // Hebrew with points and without finds the other; other scripts' marks belong to their word.
      expect(await ids('מְצוּיָּן')).toEqual(['m0004']); // the text has "מצוין"
      await store.upsertMentions([sampleMention(90, { title: 'שָׁלוֹם', text: 'नमस्ते हिन्दी', lang: 'und' })]);
      await refresh(store);
      expect(await ids('שָׁלוֹם')).toEqual(['m0090']);
      expect(await ids('שלום')).toEqual(['m0090']);
      expect(await ids('של')).toEqual(['m0004']); // a whole word: not the start of שלום
      expect(await ids('हिन्दी')).toEqual(['m0090']);
      expect(await ids('"नमस्ते हिन्दी"')).toEqual(['m0090']);
      await store.close();
    });

    it('finds a word glued to a link by itself, as truncated tweets carry them', async () => {
      const store = await seeded();
      await store.upsertMentions([sampleMention(91, { title: '', text: 'Ипотека в Сбербанкhttp://t.co/abc', lang: 'ru' })]);
      await refresh(store);
      const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
      expect(await ids('сбербанк')).toEqual(['m0091']);
      expect(await ids('"в Сбербанк"')).toEqual(['m0091']);
      await store.close();
    });

    // "Кaспи" with a Latin a and "Kаspi" with a Cyrillic а: the brand queries Каспи and Kaspi collect them (@earshot/nlp fold).
    it('finds a word typed with the other script look-alike letters by its one-script spelling, and the other way round', async () => {
      const store = await seeded();
      await store.upsertMentions([
        sampleMention(92, { title: '', text: 'Кaспи снова не работает', lang: 'ru' }),
        sampleMention(93, { title: 'Kаspi Bank', text: 'Приложение Каспи работает', lang: 'ru' }),
      ]);
      await refresh(store);
      const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
      expect(await ids('Каспи')).toEqual(['m0092', 'm0093']);
      expect(await ids('Кaспи')).toEqual(['m0092', 'm0093']);
      expect(await ids('"каспи снова"')).toEqual(['m0092']);
      expect(await ids('kaspi')).toEqual(['m0093']);
      await store.close();
    });

    // Kazakh typed on a Russian keyboard, Russian without ё: brand queries read both so (@earshot/nlp fold).
    it('finds Kazakh letters and ё by the Russian letters typed for them, and the other way round', async () => {
      const store = await seeded();
      await store.upsertMentions([
        sampleMention(94, { title: '', text: 'Казпошта посылку так и не привезла', lang: 'ru' }),
        sampleMention(95, { title: 'Қазпошта', text: 'Сәлемдеме келді, всё хорошо', lang: 'kk' }),
      ]);
      await refresh(store);
      const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
      expect(await ids('Қазпошта')).toEqual(['m0094', 'm0095']);
      expect(await ids('казпошта')).toEqual(['m0094', 'm0095']);
      expect(await ids('"все хорошо"')).toEqual(['m0095']);
      expect(await ids('сәлемдеме')).toEqual(['m0095']);
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

    it("filters by how a mention was matched and by the brand's own accounts (older mentions count as query)", async () => {
      const store = await seeded();
      const ids = async (q: Parameters<MentionIndex['search']>[0]) => (await store.search(q)).mentions.map((m) => m.id).sort();
      expect(await ids({ brandId: 'acme', matchedBy: 'owned-source' })).toEqual(['m0071']);
      expect(await ids({ brandId: 'acme', matchedBy: ['owned-source', 'handle'] })).toEqual(['m0071', 'm0072']);
      expect(await ids({ brandId: 'acme', matchedBy: 'query' })).toEqual(['m0070']);
      expect(await ids({ brandAccount: 'to-brand' })).toEqual(['m0072']);
      await store.upsertMentions([sampleMention(73, { brandId: 'acme', matchedBy: 'handle', brandAccount: 'by-brand' })]);
      await refresh(store);
      expect(await ids({ brandId: 'acme', excludeBrandAccount: 'by-brand' })).toEqual(['m0070', 'm0071', 'm0072']);
      expect(await ids({ brandId: 'acme', excludeBrandAccount: ['by-brand', 'to-brand'] })).toEqual(['m0070', 'm0071']);
      expect(await store.count({ brandId: 'acme', excludeBrandAccount: 'by-brand' })).toBe(3);
      expect(await store.count({ matchedBy: 'query' })).toBe(CONTRACT_MENTIONS.length - 2);
      expect((await store.getMention('m0072'))?.brandAccount).toBe('to-brand');
      await store.close();
    });

    it('filters by what the collector cut to fit a message', async () => {
      const store = await seeded();
      const ids = async (q: Parameters<MentionIndex['search']>[0]) => (await store.search(q)).mentions.map((m) => m.id).sort();
      expect(await ids({ shortened: 'markup' })).toEqual(['m0071']);
      expect(await ids({ shortened: 'text' })).toEqual([]);
      await store.upsertMentions([sampleMention(74, { brandId: 'acme', shortened: 'text' })]);
      await refresh(store);
      expect(await ids({ shortened: ['markup', 'text'] })).toEqual(['m0071', 'm0074']);
      expect(await ids({ brandId: 'acme', shortened: 'text', matchedBy: 'query' })).toEqual(['m0074']);
      expect(await store.count({ shortened: 'text' })).toBe(1);
      expect((await store.getMention('m0071'))?.shortened).toBe('markup');
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
        (await store.aggregate({ filter: { brandId: 'tz', ...filter }, groupBy: [], interval, ...(timeZone ? { timeZone } : {}) })).map((b) => [
          new Date(b.time!).toISOString(),
          b.count,
        ]);
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
  });
}

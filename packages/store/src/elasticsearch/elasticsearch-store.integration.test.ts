// The store contract against a real Elasticsearch (ELASTICSEARCH_URL, found or started by the global
// setup), each test on its own index prefix; the indices and templates are removed afterwards.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Client } from '@elastic/elasticsearch';
import { EarshotError } from '@earshot/core';
import { sampleMention, sampleStory, storeContract } from '../contract.js';
import { storyDocument } from './es-stories.js';
import { QueryLimitError } from '../query-errors.js';
import { dropElasticsearchPrefix } from './drop-indices.js';
import { createElasticsearchStore } from './elasticsearch-store.js';

const url = inject('elasticsearchUrl');
const run = `es${Date.now().toString(36)}`;
const prefixes: string[] = [];

if (!url) {
  it.skip(`store contract: elasticsearch (${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`, () => {});
} else {
  const contractStore = async (queryTimeoutMs?: number) => {
    const prefix = `${run}-${prefixes.length + 1}`;
    prefixes.push(prefix);
    return createElasticsearchStore({ url, indexPrefix: prefix, ...(queryTimeoutMs !== undefined ? { queryTimeoutMs } : {}) });
  };
  storeContract('elasticsearch', {
    create: () => contractStore(),
    createWithBudget: (queryTimeoutMs) => contractStore(queryTimeoutMs),
    // No refresh hook: the store reads its own writes, as SQLite does.
  });

  describe('elasticsearch store beyond the contract', () => {
    const fresh = async (options: { searchTerminateAfter?: number } = {}) => {
      const prefix = `${run}-x${prefixes.length + 1}`;
      prefixes.push(prefix);
      const store = createElasticsearchStore({ url, indexPrefix: prefix, ...options });
      await store.init();
      return store;
    };

    it('says a text search cut short by its document budget is partial, and refuses text over the caps', async () => {
      const store = await fresh({ searchTerminateAfter: 1 });
      await store.upsertMentions(Array.from({ length: 5 }, (_, i) => sampleMention(i + 1, { text: 'nordtel prices again' })));
      await store.refresh();
      const cut = await store.search({ text: 'nordtel' });
      expect(cut.partial).toBe(true);
      const whole = await store.search({ brandId: 'nordtel' }); // no text: no document budget
      expect(whole).toMatchObject({ total: 5 });
      expect(whole.partial).toBeUndefined();
      await expect(store.search({ text: Array.from({ length: 250 }, () => 'a').join(' ') })).rejects.toThrow(/too many words: at most 32/);
      await store.close();
    });

    it('keeps one copy of a mention whose time moved to another month', async () => {
      const store = await fresh();
      const october = sampleMention(1, { publishedAt: '2026-10-31T23:00:00.000Z' });
      await store.upsertMentions([october]);
      await store.refresh();
      await store.upsertMentions([{ ...october, publishedAt: '2026-11-01T01:00:00.000Z', title: 'moved' }]);
      await store.refresh();
      expect(await store.count({})).toBe(1);
      expect((await store.getMention(october.id))?.title).toBe('moved');
      await store.close();
    });

    it("returns documents Elasticsearch refuses as rejected, with Elasticsearch's reason", async () => {
      const store = await fresh();
      const bad = { ...sampleMention(2), rating: 'five stars' as unknown as number };
      const result = await store.upsertMentions([sampleMention(1), bad]);
      expect(result.written).toBe(1);
      expect(result.rejected).toEqual([{ id: bad.id, reason: expect.stringMatching(/parsing_exception.*rating/) }]);
      await store.close();
    });

    it('adds the fields added since to a monthly index made before them, and folds its old mentions on request, so matchedBy filters and folded search find them', async () => {
      const prefix = `${run}-old${prefixes.length + 1}`;
      prefixes.push(prefix);
      const client = new Client({ node: url });
      // A month indexed by an Earshot that did not know matchedBy yet: no such field in the mapping.
      await client.indices.create({
        index: `${prefix}-mentions-2026.11`,
        aliases: { [`${prefix}-mentions`]: {} },
        mappings: {
          dynamic: false,
          properties: { id: { type: 'keyword' }, '@timestamp': { type: 'date' }, text: { type: 'text' }, doc: { type: 'object', enabled: false } },
        },
      });
      const old = sampleMention(1, { text: 'Hinnad tõusid jälle' });
      await client.index({
        index: `${prefix}-mentions-2026.11`,
        id: old.id,
        document: { id: old.id, '@timestamp': '2026-11-20T10:00:00Z', text: old.text, doc: old },
        refresh: true,
      });
      const store = createElasticsearchStore({ url, indexPrefix: prefix });
      await store.init();
      const mapping = await client.indices.getMapping({ index: `${prefix}-mentions-2026.11` });
      expect(mapping[`${prefix}-mentions-2026.11`]!.mappings.properties).toMatchObject({
        matchedBy: { type: 'keyword' },
        brandAccount: { type: 'keyword' },
        shortened: { type: 'keyword' },
        folded: { properties: { title: { type: 'text' }, text: { type: 'text' }, author: { type: 'text' } } },
      });
      // Written without a folded copy, the old mention is found as it is spelled, not by "tousid".
      expect((await store.search({ text: 'tõusid' })).mentions.map((m) => m.id)).toEqual([old.id]);
      expect((await store.search({ text: 'tousid' })).mentions).toEqual([]);
      // A story indexed the same way, before its title had a folded copy.
      const { folded: _, ...oldStory } = storyDocument(sampleStory('s-old', { title: 'שָׁלוֹם מחירים' }));
      await client.index({ index: `${prefix}-stories`, id: 's-old', document: oldStory, refresh: true });
      expect((await store.searchStories({ text: 'שלום' })).stories).toEqual([]);
      // `earshot store refold` gives both their copies; a second run finds nothing left to fold.
      const progress: string[] = [];
      expect(await store.refoldSearchText({ batchSize: 1, onProgress: (p) => progress.push(`${p.index}: ${p.read}/${p.refolded}`) })).toEqual([
        { index: `${prefix}-mentions-2026.11`, read: 1, refolded: 1, changedMeanwhile: 0 },
        { index: `${prefix}-stories`, read: 1, refolded: 1, changedMeanwhile: 0 },
      ]);
      expect(progress).toEqual([`${prefix}-mentions-2026.11: 1/1`, `${prefix}-stories: 1/1`]);
      expect((await store.search({ text: 'tousid' })).mentions.map((m) => m.id)).toEqual([old.id]);
      expect((await store.searchStories({ text: 'שלום' })).stories.map((st) => st.id)).toEqual(['s-old']);
      expect(await store.refoldSearchText()).toEqual([]);
      await store.upsertMentions([{ ...sampleMention(2), matchedBy: 'handle', text: 'Hinnad tõusid' }]);
      expect((await store.search({ text: 'tõusid' })).mentions.map((m) => m.id).sort()).toEqual([old.id, sampleMention(2).id]);
      expect((await store.search({ text: 'tousid' })).mentions.map((m) => m.id).sort()).toEqual([old.id, sampleMention(2).id]);
      expect(await store.count({ matchedBy: 'query' })).toBe(1); // the old one, written without the field
      expect(await store.count({ matchedBy: 'handle' })).toBe(1);
      // A mention the collector cut to fit one bus message is found by that field, as in Kibana.
      await store.upsertMentions([{ ...sampleMention(3), shortened: 'markup' }]);
      await client.indices.refresh({ index: `${prefix}-mentions-*` });
      const cut = await client.search<{ id: string }>({ index: `${prefix}-mentions-*`, query: { term: { shortened: 'markup' } } });
      expect(cut.hits.hits.map((h) => h._source?.id)).toEqual([sampleMention(3).id]);
      await store.close();
      await client.close();
    });

    it('gives up on a cluster that never answers a read at twice its time budget, with a QueryLimitError naming it', async () => {
      // A loopback server that takes connections and never answers: Elasticsearch's own timeout
      // cannot help here, only the client's.
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => void sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const store = createElasticsearchStore({
        url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        indexPrefix: `${run}-silent`,
        queryTimeoutMs: 300,
      });
      const reads: [string, () => Promise<unknown>][] = [
        ['count', () => store.count({ brandId: 'nordtel' })],
        ['aggregate', () => store.aggregate({ filter: {}, groupBy: ['sentiment'], interval: 3_600_000 })],
        ['search', () => store.search({ text: 'nordtel' })],
        ['search stories', () => store.searchStories({ brandId: 'nordtel' })],
        ['list silences', () => store.listSilences()],
      ];
      for (const [what, read] of reads) {
        const started = performance.now();
        const err = await read().then(
          () => new Error(`${what} answered`),
          (e: unknown) => e,
        );
        expect(err, what).toBeInstanceOf(QueryLimitError);
        expect(err, what).toMatchObject({ reason: 'timeout', message: expect.stringMatching(/^the query took longer than 300 ms and was stopped/) });
        expect(performance.now() - started, what).toBeLessThan(3000);
      }
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('reports an unreachable cluster as a retriable error', async () => {
      const store = createElasticsearchStore({ url: 'http://127.0.0.1:9', indexPrefix: `${run}-down` });
      const err = await store.upsertMentions([sampleMention(1)]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EarshotError);
      expect((err as EarshotError).retriable).toBe(true);
      await store.close();
    });
  });

  afterAll(async () => {
    for (const prefix of prefixes) await dropElasticsearchPrefix({ url, indexPrefix: prefix });
  });
}

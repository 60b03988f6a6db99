// The store contract against a real Elasticsearch (ELASTICSEARCH_URL, found or started by the global
// setup), each test on its own index prefix; the indices and templates are removed afterwards.
import { Client } from '@elastic/elasticsearch';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EarshotError } from '@earshot/pipeline';
import { sampleMention, storeContract } from '../contract.js';
import { createElasticsearchStore } from './elasticsearch-store.js';

const url = inject('elasticsearchUrl');
const run = `es${Date.now().toString(36)}`;
const prefixes: string[] = [];

if (!url) {
  it.skip(`store contract: elasticsearch (${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`, () => {});
} else {
  storeContract('elasticsearch', {
    create: async () => {
      const prefix = `${run}-${prefixes.length + 1}`;
      prefixes.push(prefix);
      return createElasticsearchStore({ url, indexPrefix: prefix });
    },
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

    it('reports an unreachable cluster as a retriable error', async () => {
      const store = createElasticsearchStore({ url: 'http://127.0.0.1:9', indexPrefix: `${run}-down` });
      const err = await store.upsertMentions([sampleMention(1)]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EarshotError);
      expect((err as EarshotError).retriable).toBe(true);
      await store.close();
    });
  });

  afterAll(async () => {
    const client = new Client({ node: url });
    for (const prefix of prefixes) {
      const indices = await client.cat.indices({ index: `${prefix}-*`, format: 'json' });
      for (const { index } of indices) if (index) await client.indices.delete({ index }, { ignore: [404] });
      await client.indices.deleteIndexTemplate({ name: `${prefix}-mentions` }, { ignore: [404] });
    }
    await client.close();
  });
}

// Search text that looks like query syntax stays words on both stores: Lucene/KQL operators, a JSON
// query body, FTS5 column filters and SQL all come back as an ordinary (empty) result, never as a
// match-all, an error from the store, or a 500.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createElasticsearchStore, dropElasticsearchPrefix, type ElasticsearchStore } from '@earshot/store/elasticsearch';
import { seedMentions } from './testing/fixtures.js';
import { READ_TOKEN, startTestApi, type TestApi } from './testing/start-test-api.js';

const esUrl = process.env.ELASTICSEARCH_URL || inject('elasticsearchUrl');
const prefix = `inj${Date.now().toString(36)}`;

const HOSTILE = [
  '*',
  '_exists_:title OR *:*',
  'title:* OR text:*',
  '{"query":{"match_all":{}}}',
  'Nordtel" OR 1=1 --',
  "'; DROP TABLE mentions; --",
  'text : * AND NOT brandId:tundra',
  'NEAR(nordtel prices)',
  '(((((',
  'nord* OR tundra~2 OR /.*/',
];

for (const backend of ['embedded', 'elasticsearch'] as const) {
  const skip = backend === 'elasticsearch' && !esUrl;
  describe.skipIf(skip)(
    `search text is never query syntax (${backend}${skip ? `: ${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'}` : ''})`,
    () => {
      let t: TestApi;
      beforeAll(async () => {
        const store: ElasticsearchStore | undefined = backend === 'elasticsearch' ? createElasticsearchStore({ url: esUrl, indexPrefix: prefix }) : undefined;
        t = await startTestApi({
          ...(store ? { store } : {}),
          before: async ({ store: s }) => {
            await s.upsertMentions(seedMentions());
            await store?.refresh();
          },
        });
      });
      afterAll(async () => {
        await t?.stop();
        if (backend === 'elasticsearch') await dropElasticsearchPrefix({ url: esUrl, indexPrefix: prefix });
      });

      it.each(HOSTILE)('%s', async (q) => {
        const res = await fetch(`${t.url}/api/v1/mentions?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { total: number; mentions: { title: string; text: string }[] };
        // Never everything: at most the mentions that really contain the words.
        expect(body.total).toBeLessThan(seedMentions().length);
      });

      it('still finds real words', async () => {
        const res = await fetch(`${t.url}/api/v1/mentions?q=${encodeURIComponent('"raised prices"')}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
        expect(((await res.json()) as { mentions: { id: string }[] }).mentions.map((m) => m.id)).toEqual(['m-en-1']);
      });
    },
  );
}

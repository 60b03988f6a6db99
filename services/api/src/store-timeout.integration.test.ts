// A count or aggregation over the store's time budget on Elasticsearch is answered at once with a
// 503 naming the budget and a Retry-After, not held open until the cluster finishes: the API on a
// real Elasticsearch whose query timeout (1 ms) is far below what grouping thousands of mentions takes.
import { busyMentions } from '@earshot/store/contract';
import { createElasticsearchStore, dropElasticsearchPrefix } from '@earshot/store/elasticsearch';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { READ_TOKEN, startTestApi, type TestApi } from './testing/start-test-api.js';

const esUrl = process.env.ELASTICSEARCH_URL || inject('elasticsearchUrl');
const prefix = `apitimeout${Date.now().toString(36)}`;
const RANGE = 'from=2026-11-20T00:00:00Z&to=2026-11-23T00:00:00Z';

describe.skipIf(!esUrl)(
  `reads over the store's time budget (elasticsearch${esUrl ? '' : `: ${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'}`})`,
  () => {
    let t: TestApi;

    beforeAll(async () => {
      const store = createElasticsearchStore({ url: esUrl, indexPrefix: prefix, queryTimeoutMs: 1 });
      t = await startTestApi({ store, before: async ({ store }) => void (await store.upsertMentions(busyMentions())) });
    }, 60_000);

    afterAll(async () => {
      await t?.stop();
      await dropElasticsearchPrefix({ url: esUrl, indexPrefix: prefix });
    });

    it.each([`/api/v1/aggregate?groupBy=topic&groupBy=author&${RANGE}`, `/api/v1/aggregations?interval=1h&${RANGE}`])(
      '%s is a 503 query_timeout naming the budget',
      async (path) => {
        const started = performance.now();
        const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
        const body = (await res.json()) as { error?: { code: string; message: string } };
        expect({ status: res.status, retryAfter: res.headers.get('retry-after'), body }).toEqual({
          status: 503,
          retryAfter: '5',
          body: { error: { code: 'query_timeout', message: 'the query took longer than 1 ms and was stopped; narrow the search text or the filters' } },
        });
        expect(performance.now() - started).toBeLessThan(2000);
      },
    );
  },
);

// The overview, the labels and time-zone buckets over real HTTP, on the embedded store and on
// Elasticsearch: what the marketer's dashboard reads.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MentionStore } from '@earshot/store';
import { createElasticsearchStore, dropElasticsearchPrefix } from '@earshot/store/elasticsearch';
import { seedMentions } from './testing/fixtures.js';
import { openApiOperation } from './testing/openapi-doc.js';
import { READ_TOKEN, SOURCE_TITLES, startTestApi, type TestApi } from './testing/start-test-api.js';

const esUrl = inject('elasticsearchUrl');
const prefix = `ins${Date.now().toString(36)}`;
const backends: { name: string; store?: () => MentionStore }[] = [
  { name: 'sqlite' },
  ...(esUrl ? [{ name: 'elasticsearch', store: () => createElasticsearchStore({ url: esUrl, indexPrefix: prefix }) }] : []),
];
if (!esUrl) it.skip(`insights on elasticsearch (${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`, () => {});

for (const backend of backends) {
  describe(`insights API on ${backend.name}`, () => {
    let t: TestApi;
    const get = async (path: string) => {
      const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      t = await startTestApi({
        ...(backend.store ? { store: backend.store() } : {}),
        before: async ({ store }) => void (await store.upsertMentions(seedMentions())),
      });
    });
    afterAll(async () => {
      await t?.stop();
      if (backend.store) {
        await dropElasticsearchPrefix({ url: esUrl, indexPrefix: prefix });
      }
    });

    it('gives headline figures per brand against the previous period, and share of voice across all brands', async () => {
      const { status, body } = await get('/api/v1/overview?from=2026-11-23T08:00:00Z&to=2026-11-23T11:00:00Z');
      expect(status).toBe(200);
      expect(body.period).toEqual({ from: '2026-11-23T08:00:00.000Z', to: '2026-11-23T11:00:00.000Z' });
      expect(body.previousPeriod).toEqual({ from: '2026-11-23T05:00:00.000Z', to: '2026-11-23T08:00:00.000Z' });
      expect(body.brands).toEqual([
        expect.objectContaining({
          brandId: 'nordtel',
          name: 'Nordtel',
          volume: 6,
          negative: 3,
          positive: 2,
          neutral: 1,
          negativeShare: 50,
          netSentiment: -20,
          change: { volume: null, negativeShare: null, netSentiment: null },
        }),
        expect.objectContaining({ brandId: 'tundra', name: 'Tundra Coffee', volume: 1, negativeShare: 0, netSentiment: 100 }),
      ]);
      expect(body.shareOfVoice).toEqual([
        { brandId: 'nordtel', name: 'Nordtel', count: 6, share: 85.7, previousShare: null },
        { brandId: 'tundra', name: 'Tundra Coffee', count: 1, share: 14.3, previousShare: null },
      ]);
      // 09:15–10:45 (kk +, he −, en neutral) against 07:45–09:15 (en −, en +, ru −).
      const half = await get('/api/v1/overview?brand=nordtel&from=2026-11-23T09:15:00Z&to=2026-11-23T10:45:00Z');
      expect(half.body.brands).toEqual([
        expect.objectContaining({
          brandId: 'nordtel',
          volume: 3,
          negativeShare: 33.3,
          netSentiment: 0,
          previous: expect.objectContaining({ volume: 3, negativeShare: 66.7, netSentiment: -33.3 }),
          change: { volume: 0, negativeShare: -33.3, netSentiment: 33.3 },
        }),
      ]);
      expect((half.body.shareOfVoice as unknown[]).length).toBe(2); // still every brand
    });

    it('refuses an unknown brand or time zone, naming it', async () => {
      const brand = await get('/api/v1/overview?brand=nokia');
      expect(brand.status).toBe(400);
      expect((brand.body.error as { message: string }).message).toBe('invalid query: brand: "nokia" is not a configured brand');
      const zone = await get('/api/v1/aggregations?timeZone=Mars/Olympus');
      expect(zone.status).toBe(400);
      expect((zone.body.error as { message: string }).message).toContain('timeZone: "Mars/Olympus" is not an IANA time zone');
    });

    it('is in the OpenAPI document with an operationId and a response schema', async () => {
      const overview = await openApiOperation(t.url, '/api/v1/overview');
      expect(overview.operationId).toBe('getOverview');
      expect(Object.keys(overview.schema.properties!)).toEqual(['period', 'previousPeriod', 'brands', 'shareOfVoice']);
      expect((await openApiOperation(t.url, '/api/v1/labels')).operationId).toBe('getLabels');
    });

    it('names sources, topics and brands', async () => {
      const { body } = await get('/api/v1/labels');
      expect(body.sources).toEqual(Object.entries(SOURCE_TITLES).map(([id, title]) => ({ id, title, type: 'rss' })));
      expect(body.topics).toContainEqual({ id: 'price', name: 'Price and fairness' });
      expect(body.brands).toEqual([
        { id: 'nordtel', name: 'Nordtel' },
        { id: 'tundra', name: 'Tundra Coffee' },
      ]);
    });

    it("buckets the timeline by the reader's local day", async () => {
      const utc = await get('/api/v1/aggregations?brand=nordtel&interval=1d&from=2026-11-20T00:00:00Z&to=2026-11-26T00:00:00Z');
      expect((utc.body.sentimentOverTime as { time: string }[]).map((b) => b.time)).toEqual(Array(3).fill('2026-11-23T00:00:00.000Z'));
      // 08:00–10:30 UTC is 17:00–19:30 in Tokyo, and 03:00–05:30 in New York: one local day each.
      const tokyo = await get('/api/v1/aggregations?brand=nordtel&interval=1d&from=2026-11-20T00:00:00Z&to=2026-11-26T00:00:00Z&timeZone=Asia/Tokyo');
      expect(new Set((tokyo.body.sentimentOverTime as { time: string }[]).map((b) => b.time))).toEqual(new Set(['2026-11-22T15:00:00.000Z']));
      const ny = await get('/api/v1/aggregate?brand=nordtel&interval=1d&from=2026-11-20T00:00:00Z&to=2026-11-26T00:00:00Z&timeZone=America/New_York');
      expect(ny.body.buckets).toEqual([{ time: '2026-11-23T05:00:00.000Z', keys: {}, count: 6 }]);
    });
  });
}

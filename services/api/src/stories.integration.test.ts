// The stories endpoints over real HTTP on both stores: search by brand, text, time, sentiment,
// language and size, one by id, CSV and NDJSON export, tokens required, bad queries refused with
// the problem named, and the OpenAPI entries typed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createElasticsearchStore, dropElasticsearchPrefix, type ElasticsearchStore } from '@earshot/store/elasticsearch';
import { openApiOperation } from './testing/openapi-doc.js';
import { seedStories } from './testing/story-fixtures.js';
import { READ_TOKEN, startTestApi, type TestApi } from './testing/start-test-api.js';

const esUrl = process.env.ELASTICSEARCH_URL || inject('elasticsearchUrl');
const prefix = `stories${Date.now().toString(36)}`;
const NOW = Date.parse('2026-11-24T12:00:00.000Z');

for (const backend of ['embedded', 'elasticsearch'] as const) {
  const skip = backend === 'elasticsearch' && !esUrl;
  describe.skipIf(skip)(`stories API (${backend}${skip ? `: ${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'}` : ''})`, () => {
    let t: TestApi;
    const get = (path: string, token: string | null = READ_TOKEN) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const ids = async (query: string) => {
      const res = await get(`/api/v1/stories?${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { stories: { id: string }[] }).stories.map((s) => s.id);
    };

    beforeAll(async () => {
      const store: ElasticsearchStore | undefined = backend === 'elasticsearch' ? createElasticsearchStore({ url: esUrl, indexPrefix: prefix }) : undefined;
      t = await startTestApi({
        ...(store ? { store } : {}),
        now: () => new Date(NOW),
        before: async ({ store: s }) => {
          await s.upsertStories(seedStories(NOW));
          await store?.refresh();
        },
      });
    });
    afterAll(async () => {
      await t?.stop();
      if (backend === 'elasticsearch') await dropElasticsearchPrefix({ url: esUrl, indexPrefix: prefix });
    });

    it('needs a token', async () => {
      expect((await get('/api/v1/stories', null)).status).toBe(401);
      expect((await get('/api/v1/stories/st-outage', 'wrong-token-0123456789')).status).toBe(401);
    });

    it('searches stories by brand, text, time, sentiment, language and size', async () => {
      expect(await ids('')).toEqual(['st-outage', 'st-latte', 'st-prices', 'st-markup']);
      const res = await get('/api/v1/stories?brand=nordtel&limit=2');
      expect(await res.json()).toMatchObject({
        total: 3,
        limit: 2,
        offset: 0,
        stories: [{ id: 'st-outage', size: 6, languages: { en: 3, ru: 2, he: 1 } }, { id: 'st-prices' }],
      });
      expect(await ids('brand=nordtel&q=nordteldown')).toEqual(['st-outage']);
      expect(await ids(`q=${encodeURIComponent('цены')}`)).toEqual(['st-prices']);
      expect(await ids(`q=${encodeURIComponent('title:* OR *')}`)).toEqual([]);
      expect(await ids('since=1h')).toEqual(['st-outage', 'st-latte']);
      expect(await ids('sentiment=negative&order=size')).toEqual(['st-outage', 'st-prices']);
      expect(await ids('lang=kk,he')).toEqual(['st-outage', 'st-prices']);
      expect(await ids('minSize=3&brand=nordtel')).toEqual(['st-outage', 'st-prices']);
    });

    it('refuses bad queries, naming the problem', async () => {
      const res = await get('/api/v1/stories?order=best&since=forever&sort=time');
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { message: string } };
      expect(error.message).toContain('order: "best" is not recent | size');
      expect(error.message).toContain('since: "forever" is not a period');
      expect(error.message).toContain('sort: unknown parameter');
    });

    it('returns one story by id, and 404 for an unknown one', async () => {
      const res = await get('/api/v1/stories/st-prices');
      expect(await res.json()).toMatchObject({
        id: 'st-prices',
        title: 'Нордтел снова поднял цены',
        mentionIds: ['st-prices-m1', 'st-prices-m2', 'st-prices-m3'],
      });
      expect((await get('/api/v1/stories/st-nope')).status).toBe(404);
    });

    it('exports the search as CSV (formula-safe) and NDJSON', async () => {
      const csv = await get('/api/v1/stories/export?brand=nordtel&format=csv');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('x-total-count')).toBe('3');
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('id,brandId,title,size,velocity,firstSeen,lastSeen,dominantSentiment,negative,neutral,positive,languages,sources,topics,keyTerms');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(
        /^st-outage,nordtel,Nordtel outage in Tartu #NordtelDown,6,3,.*,negative,5,1,0,en:3;ru:2;he:1,forum:5;news:1,service,#NordtelDown;4411;internet$/,
      );
      const ndjson = await get('/api/v1/stories/export?format=ndjson&sentiment=positive');
      expect(
        (await ndjson.text())
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { id: string }).id),
      ).toEqual(['st-latte']);
    });

    it('is in the OpenAPI document with an operationId and a response schema', async () => {
      const list = await openApiOperation(t.url, '/api/v1/stories');
      expect(list.operationId).toBe('listStories');
      expect(Object.keys(list.schema.properties!)).toEqual(['total', 'limit', 'offset', 'stories']);
      const one = await openApiOperation(t.url, '/api/v1/stories/{id}');
      expect(one.operationId).toBe('getStory');
      expect(one.schema.properties).toHaveProperty('velocity');
      expect((await openApiOperation(t.url, '/api/v1/stories/export')).operationId).toBe('exportStories');
    });
  });
}

// The API over real HTTP on loopback, on the embedded backend: auth, rate limits, hostile queries,
// exports, the OpenAPI document, the live stream, and acknowledging / silencing (commands to the alerter).
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@earshot/observability';
import { decodeMessage, encodeMessage, TOPICS } from '@earshot/schema';
import { makeMention, seedAlert, seedMentions } from './testing/fixtures.js';
import { openSseReader } from './testing/sse-client.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestApi, type TestApi } from './testing/start-test-api.js';

let t: TestApi;
const get = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${t.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
const post = (path: string, token: string, body: unknown) =>
  get(path, token, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const publishMention = (m: ReturnType<typeof makeMention>) => t.bus.publish(TOPICS.enriched, [{ key: m.brandId, value: encodeMessage('mention.enriched', m) }]);

beforeAll(async () => {
  t = await startTestApi({
    before: async ({ bus, store }) => {
      await store.upsertMentions(seedMentions());
      await store.upsertAlert(seedAlert());
      const old = makeMention({
        id: 'history-1',
        lang: 'en',
        sentiment: 'negative',
        title: 'Old news',
        text: 'Published before the API started',
        publishedAt: new Date().toISOString(),
      });
      await bus.publish(TOPICS.enriched, [{ key: 'nordtel', value: encodeMessage('mention.enriched', old) }]);
      await new Promise((r) => setTimeout(r, 5));
    },
  });
});
afterAll(async () => t?.stop());

describe('access', () => {
  it('serves /health, the OpenAPI document and the dashboard shell without a token', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect((await get('/api/v1/openapi.json')).status).toBe(200);
    const page = await get('/');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    expect(await page.text()).toContain('<div id="app">');
  });

  it('refuses data without a token (401) and with a wrong one', async () => {
    const none = await get('/api/v1/mentions');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toEqual({ error: { code: 'unauthorized', message: 'send a token: Authorization: Bearer <token>' } });
    const wrong = await get('/api/v1/mentions', 'not-the-token-at-all');
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe('the token (or ticket) is not valid');
    expect((await get(`/api/v1/mentions?token=${READ_TOKEN}`)).status).toBe(401);
  });

  it('lets read tokens read but not acknowledge (403)', async () => {
    expect((await get('/api/v1/me', READ_TOKEN)).status).toBe(200);
    const res = await post(`/api/v1/alerts/${encodeURIComponent(seedAlert().key)}/acknowledge`, READ_TOKEN, {});
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'token "analysts" has role read; this needs admin' } });
  });

  it('makes up an admin token when none is configured, logs the link once, and offers dashboard links', async () => {
    const lines: string[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
    const open = await startTestApi({ tokens: [], logger: createLogger({ level: 'info', destination: out }) });
    try {
      const link = open.api.tokenLink!;
      expect(link).toMatch(new RegExp(`^${open.url}/#token=[A-Za-z0-9_-]{32}$`));
      const token = decodeURIComponent(link.split('#token=')[1]!);
      expect(await (await fetch(`${open.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()).toEqual({
        name: 'generated-admin',
        role: 'admin',
        rateLimit: 600,
      });
      const warnings = lines.map((l) => JSON.parse(l) as { msg: string; dashboardUrl?: string }).filter((l) => l.dashboardUrl);
      expect(warnings).toEqual([expect.objectContaining({ msg: 'no api.tokens configured: generated an admin token for this run', dashboardUrl: link })]);
    } finally {
      await open.stop();
    }
    // configured tokens are never put in a link
    expect(t.api.dashboardUrl).toBe(`${t.url}/`);
    expect(t.api.tokenLink).toBeUndefined();
  });

  it('rate-limits per token with 429 and Retry-After', async () => {
    const limited = await startTestApi({
      tokens: [
        { name: 'tiny', token: 'tiny-token-0123456789', role: 'read', rateLimit: 3 },
        { name: 'other', token: 'other-token-0123456789', role: 'read', rateLimit: 3 },
      ],
    });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await fetch(`${limited.url}/api/v1/me`, { headers: { authorization: 'Bearer tiny-token-0123456789' } })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await fetch(`${limited.url}/api/v1/me`, { headers: { authorization: 'Bearer tiny-token-0123456789' } });
      expect(refused.headers.get('retry-after')).toBe('20');
      expect((await refused.json()).error.code).toBe('rate_limited');
      expect((await fetch(`${limited.url}/api/v1/me`, { headers: { authorization: 'Bearer other-token-0123456789' } })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('search and aggregations', () => {
  it('searches with text and filters', async () => {
    const res = await get('/api/v1/mentions?q=цены&lang=ru&sentiment=negative', READ_TOKEN);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    expect(body.mentions.map((m: { id: string }) => m.id)).toEqual(['m-ru-1']);
    const page = await (await get('/api/v1/mentions?brand=nordtel&limit=2&offset=2', READ_TOKEN)).json();
    expect(page.total).toBe(6);
    expect(page.mentions.map((m: { id: string }) => m.id)).toEqual(['m-kk-1', 'm-ru-1']);
  });

  it.each([
    ['/api/v1/mentions?brand=nordtel%22%20OR%201%3D1', /brand: .* is not a brand id/],
    ['/api/v1/mentions?q[match_all]=1', /q\[match_all\]: unknown parameter/],
    ['/api/v1/mentions?sort=_score&limit=-1', /sort: "_score" is not time \| relevance; limit: "-1" is not a whole number/],
    ['/api/v1/aggregate?groupBy=brandId,sentiment,topic', /groupBy takes at most two fields/],
    ['/api/v1/aggregate?groupBy=script', /groupBy: "script" is not brandId/],
    ['/api/v1/aggregations?interval=1m&since=30d', /interval too small for the range/],
  ])('refuses the hostile or malformed %s with a 400 saying why', async (path, message) => {
    const res = await get(path, READ_TOKEN);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(message);
  });

  it("returns the dashboard's panels", async () => {
    const body = await (await get('/api/v1/aggregations?brand=nordtel', READ_TOKEN)).json();
    expect(body.total).toBe(6);
    expect(body.interval).toBe(30 * 60_000);
    expect(body.sentimentOverTime[0]).toEqual({ time: '2026-11-23T08:00:00.000Z', sentiment: 'negative', count: 1 });
    expect(body.topicsBySentiment).toContainEqual({ topic: 'price', sentiment: 'negative', count: 3 });
    expect(body.languages).toEqual([
      { key: 'en', count: 3 },
      { key: 'he', count: 1 },
      { key: 'kk', count: 1 },
      { key: 'ru', count: 1 },
    ]);
    expect(body.sentiment).toContainEqual({ key: 'negative', count: 3 });
    expect(body.authors.length).toBe(6);
  });

  it('groups by any two fields per time bucket', async () => {
    const body = await (await get('/api/v1/aggregate?groupBy=brandId&interval=1d', READ_TOKEN)).json();
    expect(body).toEqual({
      interval: 86_400_000,
      buckets: [
        { time: '2026-11-23T00:00:00.000Z', keys: { brandId: 'nordtel' }, count: 6 },
        { time: '2026-11-23T00:00:00.000Z', keys: { brandId: 'tundra' }, count: 1 },
      ],
    });
  });
});

describe('export', () => {
  it('exports a search as CSV, formulas defused, every language intact', async () => {
    const res = await get('/api/v1/mentions/export?format=csv&brand=nordtel&sentiment=negative', READ_TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="earshot-mentions-.*\.csv"$/);
    expect(res.headers.get('x-total-count')).toBe('3');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,time,brandId,sourceId,sourceType,lang,sentiment,sentimentScore,topics,warning,recommendation,author,title,text,url,rating,reach,topicSentiment,matchedBy,brandAccount,shortened,readChars',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['m-he-1', 'm-ru-1', 'm-en-1']);
    expect(lines[1]).toContain('נורדטל העלו מחירים');
    expect(lines[1]!.endsWith(',price:negative,query,,text,100000')).toBe(true); // the Hebrew mention's text was cut
  });

  it('exports a search as NDJSON, one mention per line', async () => {
    const res = await get('/api/v1/mentions/export?format=ndjson&lang=kk,he', READ_TOKEN);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const docs = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string });
    expect(docs.map((d) => [d.id, d.title])).toEqual([
      ['m-he-1', 'נורדטל העלו מחירים'],
      ['m-kk-1', 'Нордтел қызметі ұнады'],
    ]);
  });

  it('accepts a stream ticket instead of a header (for download links)', async () => {
    const { ticket } = await (await post('/api/v1/stream/ticket', READ_TOKEN, {})).json();
    expect((await get(`/api/v1/mentions/export?format=ndjson&ticket=${encodeURIComponent(ticket)}`)).status).toBe(200);
    expect((await get(`/api/v1/mentions?ticket=${encodeURIComponent(ticket)}`)).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('is valid JSON describing every endpoint and parameter', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(await res.text());
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/aggregate',
      '/api/v1/aggregations',
      '/api/v1/alerts',
      '/api/v1/alerts/{key}',
      '/api/v1/alerts/{key}/acknowledge',
      '/api/v1/brands',
      '/api/v1/labels',
      '/api/v1/me',
      '/api/v1/mentions',
      '/api/v1/mentions/export',
      '/api/v1/mentions/{id}',
      '/api/v1/openapi.json',
      '/api/v1/overview',
      '/api/v1/silences',
      '/api/v1/stories',
      '/api/v1/stories/export',
      '/api/v1/stories/{id}',
      '/api/v1/stream',
      '/api/v1/stream/ticket',
      '/health',
    ]);
    const search = doc.paths['/api/v1/mentions'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toContain('q');
    expect(search.parameters.find((p: { name: string }) => p.name === 'sentiment').schema).toEqual({
      type: 'array',
      items: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
    });
    expect(doc.paths['/api/v1/alerts/{key}/acknowledge'].post.responses['403']).toBeDefined();
  });
});

describe('live stream and alerts', () => {
  it('streams new mentions matching the filter, never history from before the start', async () => {
    const nordtel = await openSseReader(`${t.url}/api/v1/stream?brand=nordtel`, { authorization: `Bearer ${READ_TOKEN}` });
    const tundra = await openSseReader(`${t.url}/api/v1/stream?brand=tundra`, { authorization: `Bearer ${READ_TOKEN}` });
    try {
      expect(nordtel.status).toBe(200);
      expect(nordtel.contentType).toBe('text/event-stream; charset=utf-8');
      await nordtel.waitFor((e) => e.event === 'ready');
      await tundra.waitFor((e) => e.event === 'ready');
      const fresh = makeMention({
        id: 'live-1',
        lang: 'he',
        sentiment: 'negative',
        title: 'חדש',
        text: 'נורדטל שוב לא עובד',
        publishedAt: new Date().toISOString(),
      });
      await publishMention(fresh);
      const event = await nordtel.waitFor((e) => e.event === 'mention');
      expect(event.id).toBe('live-1');
      expect(JSON.parse(event.data)).toEqual(fresh);
      expect(nordtel.events.filter((e) => e.event === 'mention').map((e) => e.id)).toEqual(['live-1']);
      expect(tundra.events.filter((e) => e.event === 'mention')).toEqual([]);
    } finally {
      nordtel.close();
      tundra.close();
    }
  });

  it('connects with a ticket and refuses a forged one', async () => {
    const { ticket } = await (await post('/api/v1/stream/ticket', READ_TOKEN, {})).json();
    const ok = await openSseReader(`${t.url}/api/v1/stream?ticket=${encodeURIComponent(ticket)}`);
    await ok.waitFor((e) => e.event === 'ready');
    ok.close();
    const forged = await openSseReader(`${t.url}/api/v1/stream?ticket=${encodeURIComponent(`${ticket.split('.')[0]}.AAAA`)}`);
    expect(forged.status).toBe(401);
  });

  it("sends acknowledgments (on mentions.by-brand, to the brand's alerter) and silences (on alerts.commands) as commands (202), writing nothing itself", async () => {
    const key = seedAlert().key;
    const commands: unknown[] = [];
    const readers = await Promise.all(
      [TOPICS.byBrand, TOPICS.alertCommands].map((topic) =>
        t.bus.subscribe({
          groupId: 'test-commands',
          topic,
          handler: async (messages) => {
            for (const m of messages) {
              const decoded = decodeMessage(m.value, 'alert.command');
              commands.push(decoded.ok ? { topic, key: m.key, ...decoded.message.payload } : decoded.reason);
            }
          },
        }),
      ),
    );
    try {
      const res = await post(`/api/v1/alerts/${encodeURIComponent(key)}/acknowledge`, ADMIN_TOKEN, { note: 'on it' });
      expect(res.status).toBe(202);
      const command = await res.json();
      expect(command).toMatchObject({ kind: 'acknowledge', alertKey: key, brandId: 'nordtel', by: 'ops', note: 'on it' });
      expect(Date.parse(command.at)).toBeGreaterThan(Date.now() - 60_000);
      // The alerter writes the alert; until it has, the stored one is as it was.
      expect(await (await get(`/api/v1/alerts/${encodeURIComponent(key)}`, READ_TOKEN)).json()).toEqual(seedAlert());

      const silenced = await post('/api/v1/silences', ADMIN_TOKEN, { alertKey: key, duration: '1h', reason: 'known outage' });
      expect(silenced.status).toBe(202);
      const silence = await silenced.json();
      expect(silence).toMatchObject({ ruleId: 'negative-burst', brandId: 'nordtel', reason: 'known outage', createdBy: 'ops' });
      await vi.waitFor(() => expect(commands).toHaveLength(2), { timeout: 5000, interval: 20 });
      // Two topics, read independently: in the order of kind (acknowledge, silence).
      expect(commands.sort((a, b) => String((a as { kind?: string }).kind).localeCompare(String((b as { kind?: string }).kind)))).toEqual([
        { topic: TOPICS.byBrand, key: 'nordtel', ...command },
        { topic: TOPICS.alertCommands, key: 'nordtel', kind: 'silence', id: silence.id, by: 'ops', at: expect.any(String), silence },
      ]);
      expect((await (await get('/api/v1/silences', READ_TOKEN)).json()).silences).toEqual([]);
    } finally {
      for (const reader of readers) await reader.stop();
    }
    const bad = await post('/api/v1/silences', ADMIN_TOKEN, { duration: 'forever' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^invalid body: .*(a period such as|name what to silence)/);
    expect((await post('/api/v1/alerts/nope/acknowledge', ADMIN_TOKEN, {})).status).toBe(404);
  });
});

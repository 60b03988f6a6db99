// The API contract: the OpenAPI document is valid OpenAPI 3.1, every operation has an operationId
// and a response schema, the committed services/api/openapi.json is what the API serves, and every
// operation, called on a running API with seeded data, answers with a body its schema accepts.
// Bodies are checked with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1, plus ajv-formats for
// date-time); the document itself with @seriousme/openapi-schema-validator (the official OAS schemas).
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainedAlert } from './testing/explained-alert.js';
import { seedAlert, seedMentions } from './testing/fixtures.js';
import { seedStories } from './testing/story-fixtures.js';
import { openSseReader } from './testing/sse-client.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestApi, type TestApi } from './testing/start-test-api.js';

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const COMMITTED = new URL('../openapi.json', import.meta.url);
const BASE = 'https://earshot.invalid/openapi.json';

let t: TestApi;
let doc: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const called = new Set<string>();

beforeAll(async () => {
  t = await startTestApi({
    before: async ({ store }) => {
      await store.upsertMentions(seedMentions());
      await store.upsertAlert(seedAlert());
      await store.upsertAlert(explainedAlert());
      await store.upsertStories(seedStories());
      await store.addSilence({
        id: 'seeded',
        ruleId: 'outage-spike',
        until: new Date(Date.now() + 3_600_000).toISOString(),
        reason: 'maintenance',
        createdBy: 'ops',
      });
    },
  });
  doc = (await (await fetch(`${t.url}/api/v1/openapi.json`)).json()) as Document;
  ajv.addSchema({ $id: BASE, components: doc.components });
});
afterAll(async () => t?.stop());

function operation(method: string, path: string): Operation {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`the document has no ${method} ${path}`);
  return op;
}

/** Calls an operation and checks status, content type and body against the document; returns the body. */
async function call(
  method: 'GET' | 'POST',
  path: string,
  concrete: string,
  options: { token?: string; body?: unknown; status?: number } = {},
): Promise<unknown> {
  const op = operation(method, path);
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${concrete}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const status = options.status ?? 200;
  const text = await res.text();
  expect(res.status, `${method} ${concrete}: ${text.slice(0, 300)}`).toBe(status);
  const documented = op.responses[String(status)];
  expect(documented, `${op.operationId} documents no ${status}`).toBeDefined();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  const media = documented!.content?.[type];
  expect(media, `${op.operationId} ${status} documents no ${type}`).toBeDefined();
  const body = type === 'application/json' ? (JSON.parse(text) as unknown) : text;
  const validate = ajv.compile({ $ref: `${BASE}${String((media!.schema as { $ref: string }).$ref)}` });
  expect(validate(body), `${op.operationId} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  if (status < 400) called.add(op.operationId!);
  return body;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names every operation once and gives every success response a schema', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(ops.length).toBeGreaterThanOrEqual(16);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of ops) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, `${method} ${path}`).toBe(1);
      for (const [, response] of success) {
        const media = Object.values(response.content ?? {});
        expect(media.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const m of media) expect(m.schema, `${method} ${path}`).toMatchObject({ $ref: expect.stringMatching(/^#\/components\/schemas\//) });
      }
    }
  });

  it('is committed as services/api/openapi.json, up to date (npm run openapi rewrites it)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as unknown;
    expect(committed, 'services/api/openapi.json is stale: run npm run openapi').toEqual(doc);
  });
});

describe('every operation against the running API', () => {
  it('answers with bodies its documented schemas accept', async () => {
    const key = encodeURIComponent(explainedAlert().key);
    await call('GET', '/health', '/health');
    await call('GET', '/api/v1/openapi.json', '/api/v1/openapi.json');
    expect(await call('GET', '/api/v1/me', '/api/v1/me', { token: READ_TOKEN })).toMatchObject({ name: 'analysts', role: 'read' });
    await call('GET', '/api/v1/brands', '/api/v1/brands', { token: READ_TOKEN });
    const search = (await call('GET', '/api/v1/mentions', '/api/v1/mentions?limit=50', { token: READ_TOKEN })) as { mentions: { id: string }[] };
    expect(search.mentions.length).toBe(seedMentions().length);
    await call('GET', '/api/v1/mentions', '/api/v1/mentions?q=Nordtel&sort=relevance&sentiment=negative', { token: READ_TOKEN });
    await call('GET', '/api/v1/mentions/export', '/api/v1/mentions/export?format=csv', { token: READ_TOKEN });
    await call('GET', '/api/v1/mentions/export', '/api/v1/mentions/export?format=ndjson', { token: READ_TOKEN });
    await call('GET', '/api/v1/mentions/{id}', `/api/v1/mentions/${search.mentions[0]!.id}`, { token: READ_TOKEN });
    await call('GET', '/api/v1/aggregations', '/api/v1/aggregations', { token: READ_TOKEN });
    await call('GET', '/api/v1/aggregate', '/api/v1/aggregate?groupBy=lang,sentiment', { token: READ_TOKEN });
    await call('GET', '/api/v1/aggregate', '/api/v1/aggregate?groupBy=topic&interval=1h', { token: READ_TOKEN });
    await call('GET', '/api/v1/aggregate', '/api/v1/aggregate?groupBy=sentiment&interval=1d&timeZone=Europe/Tallinn', { token: READ_TOKEN });
    await call('GET', '/api/v1/overview', '/api/v1/overview?since=30d', { token: READ_TOKEN });
    await call('GET', '/api/v1/labels', '/api/v1/labels', { token: READ_TOKEN });
    const stories = (await call('GET', '/api/v1/stories', '/api/v1/stories?order=size', { token: READ_TOKEN })) as { stories: { id: string }[] };
    expect(stories.stories.length).toBe(seedStories().length);
    await call('GET', '/api/v1/stories/{id}', `/api/v1/stories/${stories.stories[0]!.id}`, { token: READ_TOKEN });
    await call('GET', '/api/v1/stories/export', '/api/v1/stories/export?format=ndjson', { token: READ_TOKEN });
    const alerts = (await call('GET', '/api/v1/alerts', '/api/v1/alerts', { token: READ_TOKEN })) as { alerts: { key: string; evidence?: unknown }[] };
    expect(alerts.alerts.find((a) => a.key === explainedAlert().key)?.evidence).toEqual(explainedAlert().evidence);
    await call('GET', '/api/v1/alerts/{key}', `/api/v1/alerts/${key}`, { token: READ_TOKEN });
    await call('POST', '/api/v1/alerts/{key}/acknowledge', `/api/v1/alerts/${key}/acknowledge`, { token: ADMIN_TOKEN, body: { note: 'on it' }, status: 202 });
    await call('POST', '/api/v1/silences', '/api/v1/silences', {
      token: ADMIN_TOKEN,
      body: { ruleId: 'outage-spike', duration: '1h', reason: 'maintenance' },
      status: 202,
    });
    // Silences are written by the alerter (none runs here): list the one seeded as it would have.
    const silences = (await call('GET', '/api/v1/silences', '/api/v1/silences', { token: READ_TOKEN })) as { silences: unknown[] };
    expect(silences.silences).toHaveLength(1);
    await call('POST', '/api/v1/stream/ticket', '/api/v1/stream/ticket', { token: READ_TOKEN, status: 201 });

    // The event stream never ends: check its status and content type, and its first event.
    const stream = await openSseReader(`${t.url}/api/v1/stream`, { authorization: `Bearer ${READ_TOKEN}` });
    try {
      const media = operation('GET', '/api/v1/stream').responses['200']?.content?.[(stream.contentType ?? '').split(';')[0]!];
      expect(stream.status).toBe(200);
      expect(media).toBeDefined();
      expect(JSON.parse((await stream.waitFor((e) => e.event === 'ready')).data)).toMatchObject({ at: expect.any(String) });
      called.add('streamEvents');
    } finally {
      stream.close();
    }

    const all = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect([...called].sort()).toEqual(all.sort());
  });

  it('answers errors with the documented Error body', async () => {
    await call('GET', '/api/v1/alerts/{key}', '/api/v1/alerts/no-such-alert', { token: READ_TOKEN, status: 404 });
    await call('GET', '/api/v1/mentions', '/api/v1/mentions?limit=0', { token: READ_TOKEN, status: 400 });
    await call('GET', '/api/v1/me', '/api/v1/me', { status: 401 });
    await call('POST', '/api/v1/silences', '/api/v1/silences', { token: READ_TOKEN, body: { ruleId: 'x', duration: '1h' }, status: 403 });
  });
});

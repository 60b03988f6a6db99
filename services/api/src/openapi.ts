// The OpenAPI 3.1 document, built from the route table, the parameter specs and the response
// schemas (responses.ts) the handlers are type-checked against, so it cannot drift from what the
// server accepts and returns: a route without a doc, or a parameter nobody described, fails the
// test. Response bodies become components.schemas via zod's JSON Schema conversion (draft 2020-12,
// the dialect of OpenAPI 3.1); the committed copy is services/api/openapi.json (npm run openapi).
import { z } from 'zod';
import type { Route } from './http/router.js';
import { PARAMS, type ParamName, type ParamSpec } from './query/query-params.js';
import { NAMED_SCHEMAS } from './responses.js';

const SCHEMA_REF = '#/components/schemas/';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted: the alerter applies it' };

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'object' } } },
      required: ['code', 'message'],
    },
  },
};

function parameter(name: string) {
  const spec: ParamSpec | undefined = PARAMS[name as ParamName];
  if (!spec) throw new Error(`openapi: parameter ${name} has no spec in query-params.ts`);
  const item = z.toJSONSchema(spec.schema, { unrepresentable: 'any' });
  delete item.$schema;
  return {
    name,
    in: 'query',
    required: false,
    description: spec.description,
    ...(spec.multi ? { schema: { type: 'array', items: item }, style: 'form', explode: !spec.commas } : { schema: item }),
  };
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** Every response schema in one registry, so shared ones (Alert, Mention) are written once and referenced. */
function responseSchemas(routes: readonly Route[]): { refs: Map<Route, string>; schemas: Record<string, unknown> } {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) {
    registry.add(schema, { id: name });
    names.set(schema, name);
  }
  const refs = new Map<Route, string>();
  const operationIds = new Set<string>();
  for (const route of routes) {
    if (!route.doc) continue;
    const { operationId, response } = route.doc;
    if (operationIds.has(operationId)) throw new Error(`openapi: operationId ${operationId} is used twice`);
    operationIds.add(operationId);
    let name = names.get(response);
    if (!name) {
      name = `${pascal(operationId)}Response`;
      registry.add(response, { id: name });
      names.set(response, name);
    }
    refs.set(route, name);
  }
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `${SCHEMA_REF}${id}`, unrepresentable: 'any', io: 'output' });
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return { refs, schemas };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;

function jsonSchema(schema: z.ZodType) {
  const out = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' });
  delete out.$schema;
  return out;
}

export function buildOpenApi(options: { routes: readonly Route[]; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const { refs, schemas } = responseSchemas(options.routes);
  for (const route of options.routes) {
    if (!route.doc) continue;
    const names: string[] = [];
    const path = route.path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
      names.push(name);
      return `{${name}}`;
    });
    const doc = route.doc;
    const schema = { $ref: `${SCHEMA_REF}${refs.get(route)}` };
    const ok = {
      description: STATUS_TEXT[doc.status ?? 200] ?? 'OK',
      content: Object.fromEntries((doc.produces ?? ['application/json']).map((type) => [type, { schema }])),
    };
    const responses: Record<string, unknown> = { [String(doc.status ?? 200)]: ok };
    for (const [status, description] of Object.entries(doc.sameBodyStatuses ?? {})) responses[status] = { description, content: ok.content };
    const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    responses['400'] = error('Invalid query or body: the message names each problem');
    if (route.access !== 'public') {
      responses['401'] = error('No token, or not a valid one');
      responses['429'] = error('Rate limit reached; see Retry-After');
    }
    if (route.costly) {
      responses['429'] = error('Rate limit reached, or this token already has its most searches running at once; see Retry-After');
      responses['503'] = error('The query ran past its deadline (query_timeout) or too many were waiting (busy); see Retry-After');
    }
    if (route.access === 'admin') responses['403'] = error('Needs an admin token');
    if (names.length) responses['404'] = error('Not found');
    let requestBody;
    if (doc.body) requestBody = { required: false, content: { 'application/json': { schema: jsonSchema(doc.body) } } };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: doc.operationId,
      summary: doc.summary,
      tags: [doc.tag],
      security: route.access === 'public' ? [] : route.acceptsTicket ? [{ bearer: [] }, { ticket: [] }] : [{ bearer: [] }],
      ...(route.access === 'admin' ? { 'x-earshot-role': 'admin' } : {}),
      parameters: [
        ...names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...(doc.params ?? []).filter((p) => p !== 'ticket').map(parameter),
      ],
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Earshot API',
      version: options.version,
      description:
        'Search, aggregate and stream brand mentions; read and acknowledge alerts. Every endpoint but /health and this document needs a token (Authorization: Bearer). Read tokens read; admin tokens also acknowledge and silence.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from the api.tokens config' },
        ticket: { type: 'apiKey', in: 'query', name: 'ticket', description: 'A one-minute ticket from POST /api/v1/stream/ticket' },
      },
      schemas: { Error: errorSchema, ...schemas },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

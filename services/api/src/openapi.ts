// The OpenAPI 3.1 document, built from the route table and the parameter specs, so it cannot drift
// from what the server accepts: a route without a doc, or a parameter nobody described, fails the test.
import { z } from 'zod';
import type { Route } from './http/router.js';
import { PARAMS, type ParamName, type ParamSpec } from './query/query-params.js';

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

export function buildOpenApi(options: { routes: readonly Route[]; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of options.routes) {
    if (!route.doc) continue;
    const names: string[] = [];
    const path = route.path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
      names.push(name);
      return `{${name}}`;
    });
    const doc = route.doc;
    const ok = doc.produces
      ? { description: 'OK', content: Object.fromEntries(doc.produces.map((type) => [type, {}])) }
      : { description: 'OK', content: { 'application/json': {} } };
    const responses: Record<string, unknown> = { [String(doc.status ?? 200)]: ok };
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
    if (doc.body) {
      const schema = z.toJSONSchema(doc.body, { unrepresentable: 'any' });
      delete schema.$schema;
      requestBody = { required: false, content: { 'application/json': { schema } } };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
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
    openapi: '3.1.0',
    info: {
      title: 'Earshot API',
      version: options.version,
      description: 'Search, aggregate and stream brand mentions; read and acknowledge alerts. Every endpoint but /health and this document needs a token (Authorization: Bearer). Read tokens read; admin tokens also acknowledge and silence.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from the api.tokens config' },
        ticket: { type: 'apiKey', in: 'query', name: 'ticket', description: 'A one-minute ticket from POST /api/v1/stream/ticket' },
      },
      schemas: { Error: errorSchema },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

// Routes about the API itself: health (public), the OpenAPI document (public), who am I, and the
// configured brands (for the dashboard's brand picker).
import type { Health } from '@earshot/observability';
import type { ApiContext } from '../api-context.js';
import type { Route } from '../http/router.js';
import type { OpenApiDocument } from '../openapi.js';
import { readParams } from '../query/query-params.js';
import { defineRoute } from '../http/define-route.js';
import { brandsResponse, healthResponse, meResponse, openApiResponse } from '../responses.js';

export function metaRoutes(ctx: ApiContext, options: { health: () => Promise<Health>; openApi: () => OpenApiDocument }): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/health',
      access: 'public',
      doc: {
        operationId: 'getHealth',
        response: healthResponse,
        sameBodyStatuses: { 503: 'Unhealthy: status error, with details' },
        summary: 'Service health: ok, degraded or error, with details (503 on error).',
        tag: 'meta',
      },
      async handle() {
        const health = await options.health();
        return { status: health.status === 'error' ? 503 : 200, body: health };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/openapi.json',
      access: 'public',
      doc: { operationId: 'getOpenApi', response: openApiResponse, summary: 'This document.', tag: 'meta' },
      async handle() {
        return { body: options.openApi() };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/me',
      access: 'read',
      doc: { operationId: 'getMe', response: meResponse, summary: "The calling token's name and role.", tag: 'meta' },
      async handle({ url, principal }) {
        readParams(url.searchParams, []);
        return { body: { name: principal!.name, role: principal!.role, rateLimit: principal!.rateLimit } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/brands',
      access: 'read',
      doc: { operationId: 'listBrands', response: brandsResponse, summary: 'The brands this Earshot watches.', tag: 'meta' },
      async handle({ url }) {
        readParams(url.searchParams, []);
        return { body: { brands: ctx.brands.map((b) => ({ id: b.id, name: b.name })) } };
      },
    }),
  ];
}

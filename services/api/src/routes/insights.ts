// What a marketer reads first: the overview (volume, negative share, net sentiment and their change
// against the previous period, per brand, and share of voice across every configured brand), and
// the labels that turn stored ids into words (brand names, source titles, topic names). Language
// names are left to the reader's browser (Intl.DisplayNames in the reader's own language).
import { sourceTitle } from '@earshot/config';
import { TOPIC_IDS, topicName } from '@earshot/nlp';
import { brandOverview } from '@earshot/store';
import type { ApiContext } from '../api-context.js';
import { badRequest } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { defineRoute } from '../http/define-route.js';
import { labelsResponse, overviewResponse } from '../responses.js';
import { toFilter } from '../query/mention-filter.js';
import { readParams } from '../query/query-params.js';

export const OVERVIEW_PARAMS = ['brand', 'lang', 'topic', 'source', 'since', 'from', 'to'] as const;

/** The period when the query names none. */
const DEFAULT_PERIOD_MS = 7 * 86_400_000;

export function insightRoutes(ctx: ApiContext): Route[] {
  const brandName = new Map(ctx.brands.map((b) => [b.id, b.name]));
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/overview',
      access: 'read',
      doc: {
        summary:
          'Headline figures per brand for a period (default the last 7 days) against the period before, and share of voice across the configured brands. `brand` picks the brands shown; share of voice always compares them all.',
        tag: 'aggregations',
        operationId: 'getOverview',
        params: OVERVIEW_PARAMS,
        response: overviewResponse,
      },
      async handle({ url }) {
        const params = readParams(url.searchParams, OVERVIEW_PARAMS);
        const now = ctx.now();
        const { brandId, from, to, ...rest } = toFilter(params, now);
        const unknown = (params.brand ?? []).filter((id) => !brandName.has(id));
        if (unknown.length) throw badRequest(`invalid query: brand: ${unknown.map((id) => JSON.stringify(id)).join(', ')} is not a configured brand`);
        const end = to ? Date.parse(String(to)) : now.getTime();
        const start = from ? Date.parse(String(from)) : end - DEFAULT_PERIOD_MS;
        const overview = await brandOverview(ctx.store, { brandIds: ctx.brands.map((b) => b.id), from: start, to: end, filter: rest });
        const shown = brandId ? new Set(Array.isArray(brandId) ? brandId : [brandId]) : undefined;
        const body = {
          ...overview,
          brands: overview.brands.filter((b) => !shown || shown.has(b.brandId)).map((b) => ({ ...b, name: brandName.get(b.brandId) ?? b.brandId })),
          shareOfVoice: overview.shareOfVoice.map((s) => ({ ...s, name: brandName.get(s.brandId) ?? s.brandId })),
        };
        return { body };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/labels',
      access: 'read',
      doc: { summary: 'Names for ids: brands, source titles, topic names.', tag: 'meta', operationId: 'getLabels', response: labelsResponse },
      async handle({ url }) {
        readParams(url.searchParams, []);
        const body = {
          brands: ctx.brands.map((b) => ({ id: b.id, name: b.name })),
          sources: ctx.sources.map((s) => ({ id: s.id, title: sourceTitle(s), type: s.type })),
          topics: TOPIC_IDS.map((id) => ({ id, name: topicName(id) })),
        };
        return { body };
      },
    }),
  ];
}

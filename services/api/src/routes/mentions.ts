// Searching mentions: a page of results, one mention by id, and the whole result set exported as
// CSV or NDJSON (streamed page by page, so an export never sits in memory at once).
import type { ApiContext } from '../api-context.js';
import { notFound } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { MAX_RESULT_WINDOW, toSearch } from '../query/mention-filter.js';
import { FILTER_PARAMS, one, readParams } from '../query/query-params.js';
import { CSV_COLUMNS, mentionRow } from '../export/mention-row.js';
import { exportHead, writeExport } from '../export/write-export.js';
import { defineRoute } from '../http/define-route.js';
import { NAMED_SCHEMAS, mentionExportResponse, mentionSearchResponse } from '../responses.js';

export const SEARCH_PARAMS = [...FILTER_PARAMS, 'q', 'sort', 'limit', 'offset'] as const;
export const EXPORT_PARAMS = [...FILTER_PARAMS, 'q', 'sort', 'format', 'ticket'] as const;
const EXPORT_PAGE = 500;

export function mentionRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/mentions',
      costly: true,
      access: 'read',
      doc: {
        operationId: 'searchMentions',
        response: mentionSearchResponse,
        summary: 'Search mentions: full text and filters, newest first or by relevance, paginated.',
        tag: 'mentions',
        params: SEARCH_PARAMS,
      },
      async handle({ url }) {
        const query = toSearch(readParams(url.searchParams, SEARCH_PARAMS), ctx.now());
        const result = await ctx.store.search(query);
        return {
          body: { total: result.total, limit: query.limit, offset: query.offset, ...(result.partial ? { partial: true } : {}), mentions: result.mentions },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/mentions/export',
      costly: true,
      access: 'read',
      acceptsTicket: true,
      doc: {
        operationId: 'exportMentions',
        response: mentionExportResponse,
        summary: 'Every mention a search finds (up to api.exportLimit), as CSV or NDJSON; X-Total-Count says how many matched.',
        tag: 'mentions',
        params: EXPORT_PARAMS,
        produces: ['text/csv', 'application/x-ndjson'],
      },
      async handle({ url, res, req }) {
        const params = readParams(url.searchParams, EXPORT_PARAMS);
        const format = one(params, 'format') === 'ndjson' ? 'ndjson' : 'csv';
        const base = toSearch({ ...params, limit: undefined, offset: undefined }, ctx.now());
        const limit = Math.min(ctx.api.exportLimit, MAX_RESULT_WINDOW);
        const first = await ctx.store.search({ ...base, limit: Math.min(EXPORT_PAGE, limit), offset: 0 });
        res.writeHead(200, exportHead('mentions', format, first.total, limit, ctx.now()));
        if (req.method === 'HEAD') return void res.end();
        await writeExport({
          res,
          format,
          columns: CSV_COLUMNS,
          row: mentionRow,
          first: first.mentions,
          limit,
          pageSize: EXPORT_PAGE,
          next: async (offset, size) => (await ctx.store.search({ ...base, limit: size, offset })).mentions,
        });
        res.end();
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/mentions/:id',
      access: 'read',
      doc: { operationId: 'getMention', response: NAMED_SCHEMAS.Mention, summary: 'One mention by id.', tag: 'mentions' },
      async handle({ url, params }) {
        readParams(url.searchParams, []);
        const mention = await ctx.store.getMention(params.id!);
        if (!mention) throw notFound(`no mention with id ${JSON.stringify(params.id)}`);
        return { body: mention };
      },
    }),
  ];
}

// Searching mentions: a page of results, one mention by id, and the whole result set exported as
// CSV or NDJSON (streamed page by page, so an export never sits in memory at once).
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { ApiContext } from '../api-context.js';
import { notFound } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { MAX_RESULT_WINDOW, toSearch } from '../query/mention-filter.js';
import { FILTER_PARAMS, one, readParams } from '../query/query-params.js';
import { CSV_COLUMNS, csvLine, mentionRow } from '../export/mention-row.js';

export const SEARCH_PARAMS = [...FILTER_PARAMS, 'q', 'sort', 'limit', 'offset'] as const;
export const EXPORT_PARAMS = [...FILTER_PARAMS, 'q', 'sort', 'format', 'ticket'] as const;
const EXPORT_PAGE = 500;

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

export function mentionRoutes(ctx: ApiContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/mentions',
      costly: true,
      access: 'read',
      doc: { summary: 'Search mentions: full text and filters, newest first or by relevance, paginated.', tag: 'mentions', params: SEARCH_PARAMS },
      async handle({ url }) {
        const query = toSearch(readParams(url.searchParams, SEARCH_PARAMS), ctx.now());
        const result = await ctx.store.search(query);
        return { body: { total: result.total, limit: query.limit, offset: query.offset, ...(result.partial ? { partial: true } : {}), mentions: result.mentions } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/mentions/export',
      costly: true,
      access: 'read',
      acceptsTicket: true,
      doc: { summary: 'Every mention a search finds (up to api.exportLimit), as CSV or NDJSON; X-Total-Count says how many matched.', tag: 'mentions', params: EXPORT_PARAMS, produces: ['text/csv', 'application/x-ndjson'] },
      async handle({ url, res, req }) {
        const params = readParams(url.searchParams, EXPORT_PARAMS);
        const format = one(params, 'format') === 'ndjson' ? 'ndjson' : 'csv';
        const base = toSearch({ ...params, limit: undefined, offset: undefined }, ctx.now());
        const limit = Math.min(ctx.api.exportLimit, MAX_RESULT_WINDOW);
        const first = await ctx.store.search({ ...base, limit: Math.min(EXPORT_PAGE, limit), offset: 0 });
        const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
        res.writeHead(200, {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          'content-disposition': `attachment; filename="earshot-mentions-${stamp}.${format}"`,
          'x-total-count': String(first.total),
          'x-export-limit': String(limit),
          'cache-control': 'no-store',
        });
        if (req.method === 'HEAD') return void res.end();
        if (format === 'csv') await write(res, `\uFEFF${csvLine([...CSV_COLUMNS])}`);
        let page = first.mentions;
        let sent = 0;
        while (page.length && !res.destroyed) {
          let chunk = '';
          for (const m of page) {
            if (sent >= limit) break;
            chunk += format === 'csv' ? csvLine(CSV_COLUMNS.map((c) => mentionRow(m)[c])) : `${JSON.stringify(m)}\n`;
            sent++;
          }
          await write(res, chunk);
          if (sent >= limit || page.length < EXPORT_PAGE) break;
          page = (await ctx.store.search({ ...base, limit: Math.min(EXPORT_PAGE, limit - sent), offset: sent })).mentions;
        }
        res.end();
      },
    },
    {
      method: 'GET',
      path: '/api/v1/mentions/:id',
      access: 'read',
      doc: { summary: 'One mention by id.', tag: 'mentions' },
      async handle({ url, params }) {
        readParams(url.searchParams, []);
        const mention = await ctx.store.getMention(params.id!);
        if (!mention) throw notFound(`no mention with id ${JSON.stringify(params.id)}`);
        return { body: mention };
      },
    },
  ];
}

// Stories: mentions of a brand grouped by what they tell (written by the alerter, read here through
// the store port) — a page of them by brand, text, time, sentiment and language, one by id, and the
// whole result as CSV or NDJSON like the mention export.
import type { SentimentLabel } from '@earshot/schema';
import type { StoryQuery } from '@earshot/store';
import type { ApiContext } from '../api-context.js';
import { badRequest, notFound } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { defineRoute } from '../http/define-route.js';
import { NAMED_SCHEMAS, storyExportResponse, storyListResponse } from '../responses.js';
import { STORY_CSV_COLUMNS, storyRow } from '../export/story-row.js';
import { exportHead, writeExport } from '../export/write-export.js';
import { MAX_RESULT_WINDOW, timeRange } from '../query/mention-filter.js';
import { intParam, one, readParams, type ParamValues } from '../query/query-params.js';

const STORY_FILTERS = ['brand', 'q', 'sentiment', 'lang', 'since', 'from', 'to', 'minSize', 'order'] as const;
export const STORY_SEARCH_PARAMS = [...STORY_FILTERS, 'limit', 'offset'] as const;
export const STORY_EXPORT_PARAMS = [...STORY_FILTERS, 'format', 'ticket'] as const;
const EXPORT_PAGE = 500;

function toStoryQuery(values: ParamValues, now: Date): StoryQuery {
  const query: StoryQuery = {};
  if (values.brand?.length) query.brandId = values.brand;
  if (values.sentiment?.length) query.sentiment = values.sentiment as SentimentLabel[];
  if (values.lang?.length) query.lang = values.lang;
  const q = one(values, 'q')?.trim();
  if (q) query.text = q;
  Object.assign(query, timeRange(values, now));
  if (values.minSize) query.minSize = intParam(values, 'minSize', { min: 1, max: 10_000, fallback: 1 });
  if (one(values, 'order') === 'size') query.sort = 'size';
  return query;
}

export function storyRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/stories',
      access: 'read',
      doc: {
        summary:
          'Stories — mentions grouped by what they tell — by brand, text (title and key terms), time, dominant sentiment and language; newest or largest first.',
        tag: 'stories',
        params: STORY_SEARCH_PARAMS,
        operationId: 'listStories',
        response: storyListResponse,
      },
      async handle({ url }) {
        const params = readParams(url.searchParams, STORY_SEARCH_PARAMS);
        const limit = intParam(params, 'limit', { min: 1, max: 200, fallback: 20 });
        const offset = intParam(params, 'offset', { min: 0, max: MAX_RESULT_WINDOW, fallback: 0 });
        if (limit + offset > MAX_RESULT_WINDOW) throw badRequest(`invalid query: limit + offset may not exceed ${MAX_RESULT_WINDOW}`);
        const result = await ctx.store.searchStories({ ...toStoryQuery(params, ctx.now()), limit, offset });
        return { body: { total: result.total, limit, offset, stories: result.stories } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/stories/export',
      access: 'read',
      acceptsTicket: true,
      doc: {
        summary: 'Every story a search finds (up to api.exportLimit), as CSV or NDJSON; X-Total-Count says how many matched.',
        tag: 'stories',
        params: STORY_EXPORT_PARAMS,
        produces: ['text/csv', 'application/x-ndjson'],
        operationId: 'exportStories',
        response: storyExportResponse,
      },
      async handle({ url, res, req }) {
        const params = readParams(url.searchParams, STORY_EXPORT_PARAMS);
        const format = one(params, 'format') === 'ndjson' ? 'ndjson' : 'csv';
        const base = toStoryQuery(params, ctx.now());
        const limit = Math.min(ctx.api.exportLimit, MAX_RESULT_WINDOW);
        const first = await ctx.store.searchStories({ ...base, limit: Math.min(EXPORT_PAGE, limit), offset: 0 });
        res.writeHead(200, exportHead('stories', format, first.total, limit, ctx.now()));
        if (req.method === 'HEAD') return void res.end();
        await writeExport({
          res,
          format,
          columns: STORY_CSV_COLUMNS,
          row: storyRow,
          first: first.stories,
          limit,
          pageSize: EXPORT_PAGE,
          next: async (offset, size) => (await ctx.store.searchStories({ ...base, limit: size, offset })).stories,
        });
        res.end();
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/stories/:id',
      access: 'read',
      doc: {
        summary: 'One story by id, with its member mention ids and newest samples.',
        tag: 'stories',
        operationId: 'getStory',
        response: NAMED_SCHEMAS.Story,
      },
      async handle({ url, params }) {
        readParams(url.searchParams, []);
        const story = await ctx.store.getStory(params.id!);
        if (!story) throw notFound(`no story with id ${JSON.stringify(params.id)}`);
        return { body: story };
      },
    }),
  ];
}

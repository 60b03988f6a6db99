// Stories: mentions of a brand grouped by what they tell (written by the alerter, read here through
// the store port) — a page of them by brand, text, time, sentiment and language, one by id, and the
// whole result as CSV or NDJSON like the mention export.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { storySchema, type SentimentLabel, type Story } from '@earshot/schema';
import type { StoryQuery } from '@earshot/store';
import type { ApiContext } from '../api-context.js';
import { badRequest, notFound } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { csvLine } from '../export/mention-row.js';
import { STORY_CSV_COLUMNS, storyRow } from '../export/story-row.js';
import { MAX_RESULT_WINDOW } from '../query/mention-filter.js';
import { intParam, one, periodMs, readParams, timeMs, type ParamValues } from '../query/query-params.js';
import { write } from './mentions.js';

const STORY_FILTERS = ['brand', 'q', 'sentiment', 'lang', 'since', 'from', 'to', 'minSize', 'order'] as const;
export const STORY_SEARCH_PARAMS = [...STORY_FILTERS, 'limit', 'offset'] as const;
export const STORY_EXPORT_PARAMS = [...STORY_FILTERS, 'format', 'ticket'] as const;
const EXPORT_PAGE = 500;

export const storyListResponse = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), stories: z.array(storySchema) });

function toStoryQuery(values: ParamValues, now: Date): StoryQuery {
  const query: StoryQuery = {};
  if (values.brand?.length) query.brandId = values.brand;
  if (values.sentiment?.length) query.sentiment = values.sentiment as SentimentLabel[];
  if (values.lang?.length) query.lang = values.lang;
  const q = one(values, 'q')?.trim();
  if (q) query.text = q;
  const since = one(values, 'since');
  const from = one(values, 'from');
  const to = one(values, 'to');
  if (since && from) throw badRequest('invalid query: give either since or from, not both');
  if (since) query.from = new Date(now.getTime() - periodMs(since)).toISOString();
  if (from) query.from = new Date(timeMs(from)).toISOString();
  if (to) query.to = new Date(timeMs(to)).toISOString();
  if (values.minSize) query.minSize = intParam(values, 'minSize', { min: 1, max: 10_000, fallback: 1 });
  if (one(values, 'order') === 'size') query.sort = 'size';
  return query;
}

export function storyRoutes(ctx: ApiContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/stories',
      access: 'read',
      doc: {
        summary: 'Stories — mentions grouped by what they tell — by brand, text (title and key terms), time, dominant sentiment and language; newest or largest first.',
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
    },
    {
      method: 'GET',
      path: '/api/v1/stories/export',
      access: 'read',
      acceptsTicket: true,
      doc: { summary: 'Every story a search finds (up to api.exportLimit), as CSV or NDJSON; X-Total-Count says how many matched.', tag: 'stories', params: STORY_EXPORT_PARAMS, produces: ['text/csv', 'application/x-ndjson'], operationId: 'exportStories' },
      async handle({ url, res, req }) {
        const params = readParams(url.searchParams, STORY_EXPORT_PARAMS);
        const format = one(params, 'format') === 'ndjson' ? 'ndjson' : 'csv';
        const base = toStoryQuery(params, ctx.now());
        const limit = Math.min(ctx.api.exportLimit, MAX_RESULT_WINDOW);
        const first = await ctx.store.searchStories({ ...base, limit: Math.min(EXPORT_PAGE, limit), offset: 0 });
        const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
        res.writeHead(200, {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          'content-disposition': `attachment; filename="earshot-stories-${stamp}.${format}"`,
          'x-total-count': String(first.total),
          'cache-control': 'no-store',
        });
        if (req.method === 'HEAD') return void res.end();
        await exportPages(res, format, first.stories, limit, (offset, size) => ctx.store.searchStories({ ...base, limit: size, offset }).then((r) => r.stories));
        res.end();
      },
    },
    {
      method: 'GET',
      path: '/api/v1/stories/:id',
      access: 'read',
      doc: { summary: 'One story by id, with its member mention ids and newest samples.', tag: 'stories', operationId: 'getStory', response: storySchema },
      async handle({ url, params }) {
        readParams(url.searchParams, []);
        const story = await ctx.store.getStory(params.id!);
        if (!story) throw notFound(`no story with id ${JSON.stringify(params.id)}`);
        return { body: story };
      },
    },
  ];
}

async function exportPages(
  res: ServerResponse,
  format: 'csv' | 'ndjson',
  first: Story[],
  limit: number,
  next: (offset: number, size: number) => Promise<Story[]>,
): Promise<void> {
  if (format === 'csv') await write(res, `\uFEFF${csvLine([...STORY_CSV_COLUMNS])}`);
  let page = first;
  let sent = 0;
  while (page.length && !res.destroyed) {
    let chunk = '';
    for (const story of page) {
      if (sent >= limit) break;
      chunk += format === 'csv' ? csvLine(STORY_CSV_COLUMNS.map((c) => storyRow(story)[c])) : `${JSON.stringify(story)}\n`;
      sent++;
    }
    await write(res, chunk);
    if (sent >= limit || page.length < EXPORT_PAGE) break;
    page = await next(sent, Math.min(EXPORT_PAGE, limit - sent));
  }
}

// Counts for charts: the dashboard's panels in one call (sentiment over time, topics × sentiment,
// sources, languages, top authors, sentiment totals), and a general group-by for anything else.
import type { AggregateBucket, GroupField, MentionFilter, MentionIndex } from '@earshot/store';
import type { ApiContext } from '../api-context.js';
import { badRequest } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { toFilter } from '../query/mention-filter.js';
import { FILTER_PARAMS, intParam, one, periodMs, readParams } from '../query/query-params.js';
import { defineRoute } from '../http/define-route.js';
import { aggregateResponse, panelsResponse } from '../responses.js';

export const PANEL_PARAMS = [...FILTER_PARAMS, 'interval', 'size', 'timeZone'] as const;
export const AGGREGATE_PARAMS = [...FILTER_PARAMS, 'groupBy', 'interval', 'size', 'timeZone'] as const;

const MINUTE = 60_000;
const DAY = 86_400_000;
const NICE_INTERVALS = [1, 5, 15, 30, 60, 180, 360, 720, 1440, 10_080, 43_200].map((m) => m * MINUTE);
const TARGET_BUCKETS = 60;
const MAX_BUCKETS = 2000;

/** A bucket width giving about TARGET_BUCKETS buckets over the filter's range (or the data's, when open). */
async function chooseInterval(store: MentionIndex, filter: MentionFilter, now: Date): Promise<number> {
  let from = filter.from ? Date.parse(String(filter.from)) : undefined;
  let to = filter.to ? Date.parse(String(filter.to)) : now.getTime();
  if (from === undefined) {
    const days = await store.aggregate({ filter, groupBy: [], interval: DAY, size: 10_000 });
    if (!days.length) return 3_600_000;
    from = Math.min(...days.map((b) => b.time ?? 0));
    if (!filter.to) to = Math.max(...days.map((b) => b.time ?? 0)) + DAY;
  }
  const span = Math.max(to - from, MINUTE);
  return NICE_INTERVALS.find((i) => span / i <= TARGET_BUCKETS) ?? NICE_INTERVALS[NICE_INTERVALS.length - 1]!;
}

function checkBuckets(filter: MentionFilter, interval: number, now: Date) {
  if (!filter.from) return;
  const span = (filter.to ? Date.parse(String(filter.to)) : now.getTime()) - Date.parse(String(filter.from));
  if (span / interval > MAX_BUCKETS)
    throw badRequest(`invalid query: interval too small for the range (${Math.ceil(span / interval)} buckets, at most ${MAX_BUCKETS})`);
}

/** key/count pairs, most first, ties by key (stores order ties differently). */
const pairs = (buckets: AggregateBucket[], field: GroupField) =>
  buckets.map((b) => ({ key: b.keys[field] ?? '', count: b.count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export function aggregationRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/aggregations',
      costly: true,
      access: 'read',
      doc: {
        operationId: 'getPanels',
        response: panelsResponse,
        summary: "The dashboard's panels for a filter: sentiment over time, topics × sentiment, sources, languages, top authors, sentiment totals.",
        tag: 'aggregations',
        params: PANEL_PARAMS,
      },
      async handle({ url }) {
        const params = readParams(url.searchParams, PANEL_PARAMS);
        const now = ctx.now();
        const filter = toFilter(params, now);
        const size = intParam(params, 'size', { min: 1, max: 100, fallback: 10 });
        const given = one(params, 'interval');
        const interval = given ? periodMs(given) : await chooseInterval(ctx.store, filter, now);
        checkBuckets(filter, interval, now);
        const timeZone = one(params, 'timeZone');
        const [overTime, topics, sources, languages, authors, sentiment, total] = await Promise.all([
          ctx.store.aggregate({ filter, groupBy: ['sentiment'], interval, size: 10_000, ...(timeZone ? { timeZone } : {}) }),
          ctx.store.aggregate({ filter, groupBy: ['topic', 'sentiment'], size: 300 }),
          ctx.store.aggregate({ filter, groupBy: ['sourceId'], size }),
          ctx.store.aggregate({ filter, groupBy: ['lang'], size }),
          ctx.store.aggregate({ filter: { ...filter }, groupBy: ['author'], size: size + 1 }),
          ctx.store.aggregate({ filter, groupBy: ['sentiment'] }),
          ctx.store.count(filter),
        ]);
        return {
          body: {
            total,
            interval,
            sentimentOverTime: overTime
              .map((b) => ({ time: new Date(b.time ?? 0).toISOString(), sentiment: b.keys.sentiment ?? '', count: b.count }))
              .sort((a, b) => (a.time === b.time ? (a.sentiment < b.sentiment ? -1 : 1) : a.time < b.time ? -1 : 1)),
            topicsBySentiment: topics.map((b) => ({ topic: b.keys.topic ?? '', sentiment: b.keys.sentiment ?? '', count: b.count })),
            sources: pairs(sources, 'sourceId'),
            languages: pairs(languages, 'lang'),
            authors: pairs(authors, 'author')
              .filter((a) => a.key !== '')
              .slice(0, size),
            sentiment: pairs(sentiment, 'sentiment'),
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/aggregate',
      costly: true,
      access: 'read',
      doc: {
        operationId: 'aggregateMentions',
        response: aggregateResponse,
        summary: 'Counts grouped by up to two fields, optionally per time bucket.',
        tag: 'aggregations',
        params: AGGREGATE_PARAMS,
      },
      async handle({ url }) {
        const params = readParams(url.searchParams, AGGREGATE_PARAMS);
        const now = ctx.now();
        const filter = toFilter(params, now);
        const groupBy = [...new Set(params.groupBy ?? [])] as GroupField[];
        if (groupBy.length > 2) throw badRequest('invalid query: groupBy takes at most two fields');
        const given = one(params, 'interval');
        if (!groupBy.length && !given) throw badRequest('invalid query: give groupBy, interval, or both');
        const interval = given ? periodMs(given) : undefined;
        if (interval) checkBuckets(filter, interval, now);
        const size = intParam(params, 'size', { min: 1, max: 100, fallback: interval ? 100 : 10 });
        const timeZone = one(params, 'timeZone');
        const buckets = await ctx.store.aggregate({
          filter,
          groupBy,
          ...(interval ? { interval, size: size * 100, ...(timeZone ? { timeZone } : {}) } : { size }),
        });
        return {
          body: {
            ...(interval ? { interval } : {}),
            buckets: buckets.map((b) => ({ ...(b.time !== undefined ? { time: new Date(b.time).toISOString() } : {}), keys: b.keys, count: b.count })),
          },
        };
      },
    }),
  ];
}

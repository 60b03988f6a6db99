// Counts per group (and per time bucket) with a composite aggregation, paged to the end, so every
// combination is counted exactly (a terms aggregation's counts can be approximate). The buckets are
// then ordered like the SQLite store: by time, then count descending, and cut to `size`. Every
// request goes through the store's `search`, which holds all pages to one time budget.
import type { estypes } from '@elastic/elasticsearch';
import type { AggregateBucket, AggregateQuery } from '../port.js';
import { FIELD, mentionQuery, totalHits } from './es-query.js';
import { createZone, DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from '../time-zone.mjs';

const PAGE = 1000;
const MAX_PAGES = 200;

interface CompositeResult {
  after_key?: Record<string, string | number | null>;
  buckets: { key: Record<string, string | number | null>; doc_count: number }[];
}

/** Calendar units where one exists (so days and weeks follow the zone's clock changes), else a fixed width. */
const CALENDAR: Record<number, string> = { [MINUTE_MS]: '1m', [HOUR_MS]: '1h', [DAY_MS]: '1d', [WEEK_MS]: '1w' };

function histogram(interval: number, timeZone: string | undefined): estypes.AggregationsCompositeDateHistogramAggregation {
  if (!timeZone) return { field: '@timestamp', fixed_interval: `${Math.floor(interval)}ms` };
  createZone(timeZone); // refuses an unknown zone with our message before Elasticsearch does with its own
  const calendar = CALENDAR[interval];
  return { field: '@timestamp', time_zone: timeZone, ...(calendar ? { calendar_interval: calendar } : { fixed_interval: `${Math.floor(interval)}ms` }) };
}

/** Runs one search on the mention alias (the index and the time budget are the caller's). */
export type AggregateSearch = (request: Omit<estypes.SearchRequest, 'index'>) => Promise<estypes.SearchResponse>;

export async function aggregateMentions(search: AggregateSearch, query: AggregateQuery): Promise<AggregateBucket[]> {
  if (query.groupBy.length > 2) throw new RangeError('aggregate: group by at most two fields');
  if (query.interval !== undefined && !(query.interval > 0)) throw new RangeError('aggregate: interval must be positive');
  const size = Math.min(query.size ?? 100, 10_000);
  const filter = mentionQuery(query.filter);
  if (!query.groupBy.length && !query.interval) {
    const { total } = (await search({ size: 0, track_total_hits: true, query: filter })).hits;
    return [{ keys: {}, count: totalHits(total) }].slice(0, size);
  }
  const sources: Record<string, estypes.AggregationsCompositeAggregationSource>[] = [];
  if (query.interval) sources.push({ time: { date_histogram: histogram(query.interval, query.timeZone) } });
  for (const field of query.groupBy) {
    // A mention without topics is in no topic bucket; other missing values count under "".
    sources.push({ [field]: { terms: { field: FIELD[field], missing_bucket: field !== 'topic' } } });
  }
  const buckets: AggregateBucket[] = [];
  let after: Record<string, string | number | null> | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await search({
      size: 0,
      query: filter,
      aggs: { groups: { composite: { size: PAGE, sources, ...(after ? { after: after as Record<string, string | number> } : {}) } } },
    });
    const result = response.aggregations?.groups as CompositeResult | undefined;
    for (const b of result?.buckets ?? []) {
      const keys: AggregateBucket['keys'] = {};
      for (const field of query.groupBy) keys[field] = b.key[field] == null ? '' : String(b.key[field]);
      buckets.push({ ...(query.interval ? { time: Number(b.key.time) } : {}), keys, count: b.doc_count });
    }
    if (!result?.after_key || (result.buckets.length ?? 0) < PAGE) break;
    after = result.after_key;
  }
  const label = (b: AggregateBucket) => query.groupBy.map((f) => b.keys[f] ?? '').join('\u0000');
  buckets.sort((a, b) => (a.time ?? 0) - (b.time ?? 0) || b.count - a.count || label(a).localeCompare(label(b)));
  return buckets.slice(0, size);
}

// Builds the store's MentionFilter / SearchQuery from validated parameters, and checks the
// combinations a pattern cannot (from before to, since or from, paging depth).
import type { MentionFilter, SearchQuery } from '@earshot/store';
import type { BrandAccountRole, MatchedBy, SentimentLabel, Shortened } from '@earshot/schema';
import { badRequest } from '../http/http-error.js';
import { intParam, one, periodMs, timeMs, type ParamValues } from './query-params.js';

/** Deepest page a search may reach (Elasticsearch's default max_result_window). */
export const MAX_RESULT_WINDOW = 10_000;

export function toFilter(values: ParamValues, now: Date): MentionFilter {
  const filter: MentionFilter = {};
  if (values.brand?.length) filter.brandId = values.brand;
  if (values.sentiment?.length) filter.sentiment = values.sentiment as SentimentLabel[];
  if (values.topic?.length) filter.topic = values.topic;
  if (values.lang?.length) filter.lang = values.lang;
  if (values.source?.length) filter.sourceId = values.source;
  if (values.author?.length) filter.author = values.author;
  if (values.matchedBy?.length) filter.matchedBy = values.matchedBy as MatchedBy[];
  if (values.brandAccount?.length) filter.brandAccount = values.brandAccount as BrandAccountRole[];
  if (values.excludeBrandAccount?.length) filter.excludeBrandAccount = values.excludeBrandAccount as BrandAccountRole[];
  if (values.shortened?.length) filter.shortened = values.shortened as Shortened[];
  const signal = one(values, 'signal');
  if (signal === 'warning' || signal === 'recommendation') filter.signal = signal;
  return { ...filter, ...timeRange(values, now) };
}

/** `since` or `from`, and `to`, as ISO times (since counts back from now). */
export function timeRange(values: ParamValues, now: Date): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  const since = one(values, 'since');
  const from = one(values, 'from');
  const to = one(values, 'to');
  if (since && from) throw badRequest('invalid query: give either since or from, not both');
  if (since) range.from = new Date(now.getTime() - periodMs(since)).toISOString();
  if (from) range.from = new Date(timeMs(from)).toISOString();
  if (to) range.to = new Date(timeMs(to)).toISOString();
  if (range.from && range.to && range.from >= range.to) throw badRequest('invalid query: from must be before to');
  return range;
}

export function toSearch(values: ParamValues, now: Date): SearchQuery & { limit: number; offset: number } {
  const limit = intParam(values, 'limit', { min: 1, max: 200, fallback: 20 });
  const offset = intParam(values, 'offset', { min: 0, max: MAX_RESULT_WINDOW, fallback: 0 });
  if (limit + offset > MAX_RESULT_WINDOW) throw badRequest(`invalid query: limit + offset may not exceed ${MAX_RESULT_WINDOW}; narrow the filters instead`);
  const q = one(values, 'q')?.trim();
  const sort = one(values, 'sort') === 'relevance' && q ? 'relevance' : 'time';
  return { ...toFilter(values, now), ...(q ? { text: q } : {}), sort, limit, offset };
}

// Decides in memory whether a live mention belongs to a stream's filter, with the same meaning the
// stores give the filter (and the search text, by the store's own matchesTextQuery).
import { matchedByOf, mentionTime, type EnrichedMention } from '@earshot/schema';
import { asList, matchesTextQuery, parseTextQuery, toEpochMs, type SearchQuery } from '@earshot/store';

export function matchesFilter(m: EnrichedMention, query: SearchQuery): boolean {
  const within = <T>(value: T | undefined, allowed: T | T[] | undefined) => {
    const list = asList(allowed);
    return !list?.length || (value !== undefined && list.includes(value));
  };
  if (!within(m.brandId, query.brandId)) return false;
  if (!within(m.nlp.sentiment.label, query.sentiment)) return false;
  if (!within(m.nlp.lang, query.lang)) return false;
  if (!within(m.sourceId, query.sourceId)) return false;
  if (!within(m.author, query.author)) return false;
  if (!within(matchedByOf(m), query.matchedBy)) return false;
  if (!within(m.brandAccount, query.brandAccount)) return false;
  if (m.brandAccount !== undefined && asList(query.excludeBrandAccount)?.includes(m.brandAccount)) return false;
  if (!within(m.shortened, query.shortened)) return false;
  const topics = asList(query.topic);
  if (topics?.length && !m.nlp.topics.some((t) => topics.includes(t.topic))) return false;
  if (query.signal === 'warning' && !m.nlp.signals.warning) return false;
  if (query.signal === 'recommendation' && !m.nlp.signals.recommendation) return false;
  const t = mentionTime(m);
  const from = toEpochMs(query.from);
  const to = toEpochMs(query.to);
  if (from !== undefined && t < from) return false;
  if (to !== undefined && t >= to) return false;
  return !query.text || matchesTextQuery(parseTextQuery(query.text), [m.title, m.text, m.author]);
}

/** Alerts follow a stream's brand filter only. */
export function matchesBrand(brandId: string, query: SearchQuery): boolean {
  const brands = asList(query.brandId);
  return !brands?.length || brands.includes(brandId);
}

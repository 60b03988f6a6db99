// Our filters and the user's search text as Elasticsearch queries. The text is parsed by
// parseTextQuery (words and "phrases", within its caps) and each part becomes a structured clause —
// a prefix match per word of three characters or more, a plain match per shorter word, a phrase
// match per phrase, all required — so user input never becomes query syntax. Each is asked folded
// (searchFold: Latin diacritics, Hebrew points, a word of two scripts in one, Kazakh letters and ё)
// of the fields and their folded copies (mapping.ts), so either spelling finds the other, as in SQLite.
import type { estypes } from '@elastic/elasticsearch';
import { UNRECORDED_MATCHED_BY } from '@earshot/schema';
import { isPrefixTerm, parseTextQuery, searchFold } from '../fts-query.js';
import type { GroupField, MentionFilter } from '../port.js';
import { asList, toEpochMs } from '../time.js';
import { MENTION_SEARCHED_TEXT, type SearchedText } from './mapping.js';

type Query = estypes.QueryDslQueryContainer;

/** The document field behind each group/filter name. */
export const FIELD: Record<GroupField, string> = {
  brandId: 'brandId',
  sentiment: 'sentiment',
  topic: 'topics',
  sourceId: 'sourceId',
  lang: 'lang',
  author: 'author',
};

export function filterClauses(filter: MentionFilter): Query[] {
  const clauses: Query[] = [];
  const terms = (field: string, values: string[] | undefined) => {
    if (values?.length) clauses.push({ terms: { [field]: values } });
  };
  terms(FIELD.brandId, asList(filter.brandId));
  terms(FIELD.sentiment, asList(filter.sentiment));
  terms(FIELD.lang, asList(filter.lang));
  terms(FIELD.topic, asList(filter.topic));
  terms(FIELD.sourceId, asList(filter.sourceId));
  terms(FIELD.author, asList(filter.author));
  const matchedBy = asList(filter.matchedBy);
  if (matchedBy?.length) {
    // Mentions indexed before the field existed have none (matchedByOf).
    const legacy: Query[] = matchedBy.includes(UNRECORDED_MATCHED_BY) ? [{ bool: { must_not: { exists: { field: 'matchedBy' } } } }] : [];
    clauses.push({ bool: { should: [{ terms: { matchedBy } }, ...legacy], minimum_should_match: 1 } });
  }
  terms('brandAccount', asList(filter.brandAccount));
  const excluded = asList(filter.excludeBrandAccount);
  if (excluded?.length) clauses.push({ bool: { must_not: { terms: { brandAccount: excluded } } } });
  terms('shortened', asList(filter.shortened));
  if (filter.signal === 'warning') clauses.push({ term: { warning: true } });
  if (filter.signal === 'recommendation') clauses.push({ term: { recommendation: true } });
  const from = toEpochMs(filter.from);
  const to = toEpochMs(filter.to);
  if (from !== undefined || to !== undefined) {
    clauses.push({
      range: { '@timestamp': { ...(from !== undefined ? { gte: from } : {}), ...(to !== undefined ? { lt: to } : {}), format: 'epoch_millis' } },
    });
  }
  return clauses;
}

/**
 * Required clauses for the search text over the `searched` text fields and their folded copies
 * (mapping.ts); undefined when the text has nothing searchable in it.
 */
export function textClauses(text: string, searched: SearchedText = MENTION_SEARCHED_TEXT): Query[] | undefined {
  const { terms, phrases } = parseTextQuery(text);
  if (!terms.length && !phrases.length) return undefined;
  const plain = Object.values(searched);
  const withFolded = [...plain, ...Object.keys(searched).map((field) => `folded.${field}`)];
  const clause = (query: string, type: 'bool_prefix' | 'best_fields' | 'phrase'): Query => {
    const match = (q: string, on: string[]): Query => ({ multi_match: { query: q, type, ...(type === 'phrase' ? {} : { operator: 'and' }), fields: on } });
    const folded = searchFold(query);
    if (folded === query) return match(query, withFolded);
    // The spelling as typed, too: documents indexed before the folded copies existed have only that.
    return { bool: { should: [match(folded, withFolded), match(query, plain)], minimum_should_match: 1 } };
  };
  return [...terms.map((term) => clause(term, isPrefixTerm(term) ? 'bool_prefix' : 'best_fields')), ...phrases.map((phrase) => clause(phrase, 'phrase'))];
}

export function mentionQuery(filter: MentionFilter, text?: Query[]): Query {
  const clauses = filterClauses(filter);
  if (!clauses.length && !text?.length) return { match_all: {} };
  return { bool: { filter: clauses, ...(text?.length ? { must: text } : {}) } };
}

/** A response's hit count, whichever shape it came in. */
export const totalHits = (total: number | estypes.SearchTotalHits | undefined): number => (typeof total === 'number' ? total : (total?.value ?? 0));

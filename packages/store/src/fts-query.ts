// Turns a user's search text into a safe full-text query: words and "quoted phrases", all required.
// Operators, columns and other syntax in the input are treated as plain words, so a query string can
// never become FTS5 (or Elasticsearch) syntax. The text is bounded, because its cost grows with it:
// at most MAX_TERMS words (phrase words included), each at most MAX_TERM_LENGTH characters, and a
// word is matched as a prefix only from MIN_PREFIX_LENGTH characters (a one-letter prefix matches
// most of the index).
import { TextQueryError } from './query-errors.js';

export interface TextQuery {
  /** Single words; those of MIN_PREFIX_LENGTH characters or more also match as prefixes. */
  terms: string[];
  phrases: string[];
}

export const TEXT_QUERY_LIMITS = {
  maxTerms: 32,
  maxTermLength: 64,
  minPrefixLength: 3,
} as const;

const WORD = /[\p{L}\p{N}]+/gu;
const length = (word: string) => [...word].length;

/** Parses the text; throws a TextQueryError naming the limit when the text is over it. */
export function parseTextQuery(input: string): TextQuery {
  const phrases: string[] = [];
  let words = 0;
  const check = (found: string[]) => {
    words += found.length;
    if (words > TEXT_QUERY_LIMITS.maxTerms) {
      throw new TextQueryError(`search text has too many words: at most ${TEXT_QUERY_LIMITS.maxTerms} (phrase words included)`);
    }
    const long = found.find((w) => length(w) > TEXT_QUERY_LIMITS.maxTermLength);
    if (long)
      throw new TextQueryError(`search word "${[...long].slice(0, 20).join('')}…" is too long: at most ${TEXT_QUERY_LIMITS.maxTermLength} characters a word`);
  };
  const rest = input.replace(/"([^"]*)"/g, (_m, phrase: string) => {
    const found = phrase.match(WORD) ?? [];
    check(found);
    if (found.length) phrases.push(found.join(' '));
    return ' ';
  });
  const terms = rest.match(WORD) ?? [];
  check(terms);
  return { terms, phrases };
}

/** Whether a term is long enough to be matched as a prefix. */
export const isPrefixTerm = (term: string) => length(term) >= TEXT_QUERY_LIMITS.minPrefixLength;

/** FTS5 MATCH expression: every term and phrase quoted, joined with AND. Empty when nothing is searchable. */
export function toFts5(query: TextQuery): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const parts = [...query.terms.map((t) => (isPrefixTerm(t) ? `${quote(t)}*` : quote(t))), ...query.phrases.map(quote)];
  return parts.join(' AND ');
}

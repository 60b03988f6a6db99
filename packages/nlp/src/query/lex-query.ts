// Splits a brand query into tokens (terms, quoted phrases, operators, parentheses), remembering
// where each starts so parse errors can point at it.

import { QUERY_LIMITS } from './query-limits.js';
import { QueryParseError } from './query-parse-error.js';

export type QueryToken =
  | { kind: 'term'; value: string; pos: number }
  | { kind: 'phrase'; value: string; pos: number }
  | { kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen'; pos: number }
  | { kind: 'near'; distance: number; pos: number }
  | { kind: 'end'; pos: number };

const TERM_CHAR = /[^\s()"“”«»]/u;

export function lexQuery(query: string): QueryToken[] {
  if (query.length > QUERY_LIMITS.maxLength)
    throw new QueryParseError(`Query too long: ${query.length} characters, at most ${QUERY_LIMITS.maxLength}`, query, QUERY_LIMITS.maxLength);
  const out: QueryToken[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] ?? '';
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(') {
      out.push({ kind: 'lparen', pos: i });
      i++;
      continue;
    }
    if (ch === ')') {
      out.push({ kind: 'rparen', pos: i });
      i++;
      continue;
    }
    if (ch === '"' || ch === '“' || ch === '«') {
      const close = ch === '"' ? '"' : ch === '“' ? '”' : '»';
      const end = query.indexOf(close, i + 1);
      if (end < 0) throw new QueryParseError('Unterminated quoted phrase', query, i);
      const value = query.slice(i + 1, end);
      if (value.trim() === '') throw new QueryParseError('Empty quoted phrase', query, i);
      out.push({ kind: 'phrase', value, pos: i });
      i = end + 1;
      continue;
    }
    if (ch === '”' || ch === '»') throw new QueryParseError(`Unexpected closing quote ${ch}`, query, i);
    let j = i;
    while (j < query.length && TERM_CHAR.test(query[j] ?? '')) j++;
    const word = query.slice(i, j);
    out.push(classify(word, i, query));
    i = j;
  }
  out.push({ kind: 'end', pos: query.length });
  return out;
}

function classify(word: string, pos: number, query: string): QueryToken {
  if (word === 'AND') return { kind: 'and', pos };
  if (word === 'OR') return { kind: 'or', pos };
  if (word === 'NOT') return { kind: 'not', pos };
  if (word.startsWith('NEAR')) {
    const m = /^NEAR\/(\d+)$/.exec(word);
    if (!m) throw new QueryParseError('NEAR needs a distance, as in NEAR/3', query, pos);
    return { kind: 'near', distance: Number(m[1]), pos };
  }
  if (/^[*?]+$/u.test(word)) throw new QueryParseError('A wildcard needs at least one letter', query, pos);
  if (word.length > QUERY_LIMITS.maxTermLength)
    throw new QueryParseError(`Term too long: ${word.length} characters, at most ${QUERY_LIMITS.maxTermLength}`, query, pos);
  return { kind: 'term', value: word, pos };
}

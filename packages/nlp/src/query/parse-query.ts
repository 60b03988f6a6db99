// Recursive-descent parser for brand queries. Precedence, loosest first: OR, AND (also implied by
// juxtaposition: `nike shoes` = `nike AND shoes`), NOT, NEAR/n; parentheses group. Operators are
// upper case so that lower-case "and"/"or" stay searchable words.

import type { QueryNode } from './query-ast.js';
import { lexQuery, type QueryToken } from './lex-query.js';
import { QUERY_LIMITS } from './query-limits.js';
import { QueryParseError } from './query-parse-error.js';

export function parseQuery(query: string): QueryNode {
  if (query.trim() === '') throw new QueryParseError('Empty query', query, 0);
  const tokens = lexQuery(query);
  let i = 0;
  let depth = 0;
  let terms = 0;
  const peek = (): QueryToken => tokens[i] ?? { kind: 'end', pos: query.length };
  const next = (): QueryToken => {
    const t = peek();
    i++;
    return t;
  };
  const fail = (reason: string, t: QueryToken): never => {
    throw new QueryParseError(reason, query, t.pos);
  };
  /** Parses what parentheses or a NOT at `t` hold, one level deeper (the parser recurses into it). */
  const nested = (t: QueryToken, parse: () => QueryNode): QueryNode => {
    if (++depth > QUERY_LIMITS.maxDepth) fail(`Nested too deep: more than ${QUERY_LIMITS.maxDepth} parentheses or NOTs inside each other`, t);
    const node = parse();
    depth--;
    return node;
  };
  /** Counts one more term or phrase. */
  const counted = (t: QueryToken): void => {
    if (++terms > QUERY_LIMITS.maxTerms) fail(`Too many terms: more than ${QUERY_LIMITS.maxTerms} terms and phrases`, t);
  };

  const parseOr = (): QueryNode => {
    const children = [parseAnd()];
    while (peek().kind === 'or') {
      next();
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  };
  const startsOperand = (t: QueryToken): boolean => t.kind === 'term' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not';
  const parseAnd = (): QueryNode => {
    const children = [parseNot()];
    for (;;) {
      const t = peek();
      if (t.kind === 'and') {
        next();
        children.push(parseNot());
      } else if (startsOperand(t)) children.push(parseNot());
      else break;
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  };
  const parseNot = (): QueryNode => {
    if (peek().kind === 'not') {
      return { type: 'not', child: nested(next(), parseNot) };
    }
    return parseNear();
  };
  const parseNear = (): QueryNode => {
    let left = parsePrimary();
    while (peek().kind === 'near') {
      const op = next();
      const distance = op.kind === 'near' ? op.distance : 0;
      const right = parsePrimary();
      if (!isSpanNode(left) || !isSpanNode(right)) fail('NEAR joins terms, phrases or OR-groups of them', op);
      left = { type: 'near', left, right, distance };
    }
    return left;
  };
  const parsePrimary = (): QueryNode => {
    const t = next();
    switch (t.kind) {
      case 'term':
        counted(t);
        return { type: 'term', value: t.value, pos: t.pos };
      case 'phrase': {
        counted(t);
        const words = t.value.split(/[^\p{L}\p{N}\p{M}*?]+/u).filter((w) => w !== '');
        if (words.length === 0) fail('A phrase needs at least one word', t);
        if (words.length > QUERY_LIMITS.maxPhraseWords) fail(`Phrase too long: ${words.length} words, at most ${QUERY_LIMITS.maxPhraseWords}`, t);
        const long = words.find((w) => w.length > QUERY_LIMITS.maxTermLength);
        if (long) fail(`Word too long in a phrase: ${long.length} characters, at most ${QUERY_LIMITS.maxTermLength}`, t);
        return { type: 'phrase', words, pos: t.pos };
      }
      case 'lparen': {
        return nested(t, () => {
          const inner = parseOr();
          const close = next();
          if (close.kind !== 'rparen') fail("Expected ')'", close);
          return inner;
        });
      }
      case 'end':
        return fail('Expected a term, phrase or ( but the query ended', t);
      case 'rparen':
        return fail("Unexpected ')'", t);
      default:
        return fail(`Expected a term, phrase or ( but found ${t.kind.toUpperCase()}`, t);
    }
  };

  const root = parseOr();
  const rest = peek();
  if (rest.kind !== 'end') fail(rest.kind === 'rparen' ? "Unexpected ')'" : 'Unexpected token', rest);
  return root;
}

function isSpanNode(node: QueryNode): boolean {
  if (node.type === 'term' || node.type === 'phrase' || node.type === 'near') return true;
  if (node.type === 'or') return node.children.every(isSpanNode);
  return false;
}

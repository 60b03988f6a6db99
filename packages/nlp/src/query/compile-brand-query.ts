// Compiles a brand query once into a matcher the collector calls per item. The text is folded and
// split into tokens once per call; each term is looked up once per call (memoised for that call),
// and AND/OR/NOT short-circuit.

import { fold, latinSkeleton } from '../text/fold.js';
import type { QueryNode } from './query-ast.js';
import { parseQuery } from './parse-query.js';
import { compileTerm, scriptOf, type TermPattern } from './term-pattern.js';

export interface BrandQuery {
  source: string;
  matches(text: string): boolean;
}

interface MatchContext {
  tokens: string[];
  skeletons: (string | undefined)[];
  scripts: (string | undefined)[];
}

type Span = [start: number, end: number];
type Evaluator = (ctx: MatchContext) => boolean;
type SpanFinder = (ctx: MatchContext) => Span[];

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const MAX_GLUED_SUFFIX = 6;
// A link glued to the word before it, as truncated tweets carry them ("…ипотека в Сбербанкhttp://t.co/…"):
// the link starts a token of its own, or the word would be "сбербанкhttp" and the brand missed.
// The stores' search splits them the same way (@earshot/store fts-query.ts searchText).
const GLUED_LINK = /(?<=[\p{L}\p{N}\p{M}])(?=https?:\/\/|www\.[\p{L}\p{N}])/gu;

export function compileBrandQuery(query: string): BrandQuery {
  const evaluate = compileNode(parseQuery(query));
  return {
    source: query,
    matches(text: string): boolean {
      const tokens = matchTokens(fold(text));
      return evaluate({ tokens, skeletons: new Array(tokens.length), scripts: new Array(tokens.length) });
    },
  };
}

/**
 * Word tokens of folded text. A short suffix glued to a word by a hyphen or apostrophe ("Kaspi-ге",
 * "Nike's", "iPhone'ы") is dropped, so it neither breaks a match nor counts as a word for NEAR.
 * A link glued to a word is split from it (GLUED_LINK).
 */
function matchTokens(foldedText: string): string[] {
  const folded = foldedText.includes('http') || foldedText.includes('www.') ? foldedText.replace(GLUED_LINK, ' ') : foldedText;
  const out: string[] = [];
  let prevEnd = -1;
  for (const m of folded.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const glue = prevEnd >= 0 ? folded.slice(prevEnd, start) : '';
    if (
      (glue === '-' || glue === "'" || glue === '’') &&
      m[0].length <= MAX_GLUED_SUFFIX &&
      out.length > 0 &&
      scriptOf(m[0]) !== scriptOf(out[out.length - 1]!)
    ) {
      prevEnd = start + m[0].length;
      continue;
    }
    if (glue === "'" || glue === '’') {
      if (m[0].length <= 2) {
        prevEnd = start + m[0].length;
        continue;
      }
    }
    out.push(m[0]);
    prevEnd = start + m[0].length;
  }
  return out;
}

function compileNode(node: QueryNode): Evaluator {
  switch (node.type) {
    case 'and': {
      const parts = node.children.map(compileNode);
      return (ctx) => parts.every((p) => p(ctx));
    }
    case 'or': {
      const parts = node.children.map(compileNode);
      return (ctx) => parts.some((p) => p(ctx));
    }
    case 'not': {
      const inner = compileNode(node.child);
      return (ctx) => !inner(ctx);
    }
    default: {
      const spans = compileSpans(node);
      return (ctx) => spans(ctx).length > 0;
    }
  }
}

function compileSpans(node: QueryNode): SpanFinder {
  switch (node.type) {
    case 'term':
      return phraseFinder([node.value]);
    case 'phrase':
      return phraseFinder(node.words);
    case 'or': {
      const parts = node.children.map(compileSpans);
      return (ctx) => parts.flatMap((p) => p(ctx));
    }
    case 'near': {
      const left = compileSpans(node.left);
      const right = compileSpans(node.right);
      const distance = node.distance;
      return (ctx) => {
        const ls = left(ctx);
        if (ls.length === 0) return [];
        const out: Span[] = [];
        for (const r of right(ctx)) {
          for (const l of ls) {
            const gap = l[1] <= r[0] ? r[0] - l[1] : r[1] <= l[0] ? l[0] - r[1] : 0;
            if (gap <= distance) out.push([Math.min(l[0], r[0]), Math.max(l[1], r[1])]);
          }
        }
        return out;
      };
    }
    default:
      throw new Error(`internal: ${node.type} is not a span node`);
  }
}

/** Spans [start, end) of consecutive tokens matching the words in order. */
function phraseFinder(wordsInPhrase: string[]): SpanFinder {
  const patterns = wordsInPhrase.map((w) => ({ pattern: compileTerm(w), script: scriptOf(fold(w)) }));
  const first = patterns[0];
  if (!first) return () => [];
  return (ctx) => {
    const out: Span[] = [];
    for (let i = 0; i + patterns.length <= ctx.tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < patterns.length && ok; k++) {
        const p = patterns[k]!;
        ok = tokenMatches(ctx, i + k, p.pattern, p.script);
      }
      if (ok) out.push([i, i + patterns.length]);
    }
    return out;
  };
}

function tokenMatches(ctx: MatchContext, i: number, pattern: TermPattern, termScript: string): boolean {
  const token = ctx.tokens[i]!;
  if (pattern.native.test(token)) return true;
  if (!pattern.crossScript) return false;
  const script = (ctx.scripts[i] ??= scriptOf(token));
  if (script === termScript || (script !== 'latin' && script !== 'cyrillic')) return false;
  const skeleton = (ctx.skeletons[i] ??= latinSkeleton(token));
  return pattern.crossScript.test(skeleton);
}

// Scores text with a polarity lexicon (lexicons.ts): stems matched by prefix so inflected forms
// count, negation flips polarity for a few words (or the previous word for Kazakh "емес"),
// intensifiers strengthen the next word. Its output is both a fallback sentiment and a feature
// group for the trained models.

import { fold } from '../text/fold.js';
import type { Lexicon } from './lexicons.js';

export interface LexiconHits {
  positive: number;
  negative: number;
  /** Polar words that sat inside a negation scope. */
  negated: number;
  /** Sum of signed weights, negation and intensity applied. */
  score: number;
}

export interface LexiconScorer {
  score(foldedWords: readonly string[]): LexiconHits;
  /** Polarity of one folded word (+1, -1 or 0), ignoring context. */
  polarity(word: string): number;
  isNegator(word: string): boolean;
  /** Kazakh-style negators that follow the word they negate. */
  isPostNegator(word: string): boolean;
}

const NEGATION_SCOPE = 3;

export function createLexiconScorer(options: { lexicon: Lexicon }): LexiconScorer {
  const { lexicon } = options;
  const exact = new Map<string, number>();
  const stems = new Map<string, number>();
  const phrases: { words: string[]; polarity: number }[] = [];
  const add = (entry: string, polarity: number): void => {
    const f = fold(entry);
    if (f.includes(' ')) phrases.push({ words: f.split(' '), polarity });
    else if (f.length < 4) exact.set(f, polarity);
    else stems.set(f, polarity);
  };
  for (const w of lexicon.positive) add(w, 1);
  for (const w of lexicon.negative) add(w, -1);
  const negators = new Set(lexicon.negators.map(fold));
  const postNegators = new Set(lexicon.postNegators.map(fold));
  const intensifiers = new Set(lexicon.intensifiers.map(fold));
  const prefixes = (lexicon.prefixes ?? []).map(fold);
  const stemTrie = buildStemTrie(stems);

  const lookup = (word: string, from = 0): number => {
    // Exact entries are the short ones (under 4 letters); a longer word is never one.
    if (word.length - from < 4) {
      const e = exact.get(from === 0 ? word : word.slice(from));
      if (e !== undefined) return e;
    }
    // The longest stem (4+ letters) the word starts with.
    let at: StemNode | undefined = stemTrie;
    let found = 0;
    for (let i = from; i < word.length; i++) {
      at = at.next.get(word.charCodeAt(i));
      if (!at) break;
      if (at.polarity !== 0) found = at.polarity;
    }
    return found;
  };
  const polarity = (word: string): number => {
    const direct = lookup(word);
    if (direct !== 0 || prefixes.length === 0) return direct;
    // Hebrew: strip up to two attached one-letter prefixes (ו+ה, ש+ב …).
    for (let i = 1; i <= 2 && i < word.length - 1; i++) {
      if (!prefixes.includes(word[i - 1]!)) break;
      const p = lookup(word, i);
      if (p !== 0) return p;
    }
    return 0;
  };
  const isNegator = (w: string): boolean => negators.has(w);

  return {
    polarity,
    isNegator,
    isPostNegator: (w: string): boolean => postNegators.has(w),
    score(words) {
      const hits: LexiconHits = { positive: 0, negative: 0, negated: 0, score: 0 };
      let negateLeft = 0;
      let boost = 1;
      const values = words.map(polarity);
      for (const ph of phrases) {
        for (let i = 0; i + ph.words.length <= words.length; i++) {
          if (words[i] !== ph.words[0] || !ph.words.every((w, k) => words[i + k] === w)) continue;
          values[i] = ph.polarity;
          for (let k = 1; k < ph.words.length; k++) values[i + k] = 0;
        }
      }
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (negators.has(w)) {
          negateLeft = NEGATION_SCOPE;
          continue;
        }
        if (intensifiers.has(w) && values[i] === 0) {
          boost = 1.5;
          continue;
        }
        let p = values[i]!;
        if (p !== 0) {
          const next = words[i + 1];
          const negated = negateLeft > 0 || (next !== undefined && postNegators.has(next));
          if (negated) {
            p = -p;
            hits.negated++;
          }
          if (p > 0) hits.positive++;
          else hits.negative++;
          hits.score += p * boost;
          boost = 1;
        }
        if (negateLeft > 0) negateLeft--;
      }
      return hits;
    },
  };
}

interface StemNode {
  next: Map<number, StemNode>;
  /** Polarity of the stem ending here, 0 if none. */
  polarity: number;
}

/** Stems (4+ letters) as a character trie, so the longest matching stem is found in one walk. */
function buildStemTrie(stems: ReadonlyMap<string, number>): StemNode {
  const root: StemNode = { next: new Map(), polarity: 0 };
  for (const [stem, polarity] of stems) {
    let at = root;
    for (let i = 0; i < stem.length; i++) {
      const c = stem.charCodeAt(i);
      let child = at.next.get(c);
      if (!child) {
        child = { next: new Map(), polarity: 0 };
        at.next.set(c, child);
      }
      at = child;
    }
    at.polarity = polarity;
  }
  return root;
}

// Finds cue words and phrases (topic-cues.ts) in folded tokens: a cue word of 4+ letters matches
// any token it begins (inflection), a shorter one only the same token; Hebrew tokens may carry up
// to two one-letter prefixes. Indexed by the first letters so each token costs one or two lookups.

import { fold } from '../text/fold.js';
import { HEBREW_PREFIXES } from '../text/hebrew-prefixes.js';

export interface CueHit<T> {
  value: T;
  start: number;
  end: number;
}

export interface CueMatcher<T> {
  find(tokens: readonly string[]): CueHit<T>[];
}

const KEY = 4;

interface Entry<T> {
  words: string[];
  value: T;
}

export function createCueMatcher<T>(options: { cues: { cue: string; value: T }[]; hebrewPrefixes?: boolean }): CueMatcher<T> {
  // Keyed by a word's first KEY letters as two numbers (letters 1–2, letters 3–4; 0 past the word's
  // end), so looking a token up slices no string.
  const index = new Map<number, Map<number, Entry<T>[]>>();
  for (const { cue, value } of options.cues) {
    const words = fold(cue)
      .split(/\s+/u)
      .filter((w) => w !== '');
    const first = words[0];
    if (!first) continue;
    let inner = index.get(headKey(first, 0));
    if (!inner) index.set(headKey(first, 0), (inner = new Map()));
    const key = headKey(first, 2);
    inner.set(key, [...(inner.get(key) ?? []), { words, value }]);
  }
  const wordMatches = (cue: string, token: string): boolean => (cue.length < KEY ? token === cue : token.startsWith(cue));
  /**
   * A token's next reading without one more of its one-letter prefixes, the `stripped`-th (hebrewPrefixes:
   * up to two, three letters kept), or undefined when there is none. The token's readings are walked with
   * it, without arrays of variants or arrows reading the loops' variables, which made every token
   * allocate (ROUNDS.md round 44).
   */
  const withoutPrefix = (t: string, stripped: number): string | undefined =>
    options.hebrewPrefixes && stripped < 2 && t.length > 3 && HEBREW_PREFIXES.includes(t[0]!) ? t.slice(1) : undefined;
  /** Whether a cue word matches a token or one of its readings without prefixes. */
  const matchesToken = (cue: string, token: string): boolean => {
    for (let t: string | undefined = token, p = 0; t !== undefined; t = withoutPrefix(t, p++)) if (wordMatches(cue, t)) return true;
    return false;
  };
  return {
    find(tokens) {
      const hits: CueHit<T>[] = [];
      const matchFrom = (head: string, i: number): void => {
        const entries = index.get(headKey(head, 0))?.get(headKey(head, 2));
        if (!entries) return;
        for (const e of entries) {
          if (!wordMatches(e.words[0]!, head)) continue;
          let ok = true;
          for (let k = 1; k < e.words.length && ok; k++) {
            const t = tokens[i + k];
            ok = t !== undefined && matchesToken(e.words[k]!, t);
          }
          if (ok) hits.push({ value: e.value, start: i, end: i + e.words.length });
        }
      };
      for (let i = 0; i < tokens.length; i++)
        for (let head: string | undefined = tokens[i]!, p = 0; head !== undefined; head = withoutPrefix(head, p++)) matchFrom(head, i);
      return hits;
    },
  };
}

/** Letters `from` and `from + 1` of `word` as one number (a missing letter is 0). */
function headKey(word: string, from: number): number {
  const a = from < word.length ? word.charCodeAt(from) : 0;
  const b = from + 1 < word.length ? word.charCodeAt(from + 1) : 0;
  return a * 0x10000 + b;
}

// Finds cue words and phrases (topic-cues.ts) in folded tokens: a cue word of 4+ letters matches
// any token it begins (inflection), a shorter one only the same token; Hebrew tokens may carry up
// to two one-letter prefixes. Indexed by the first letters so each token costs one or two lookups.

import { fold } from '../text/fold.js';

export interface CueHit<T> {
  value: T;
  start: number;
  end: number;
}

export interface CueMatcher<T> {
  find(tokens: readonly string[]): CueHit<T>[];
}

const KEY = 4;
const HEBREW_PREFIX = /^[ובלמשהכ]/u;

interface Entry<T> {
  words: string[];
  value: T;
}

export function createCueMatcher<T>(options: { cues: { cue: string; value: T }[]; hebrewPrefixes?: boolean }): CueMatcher<T> {
  const index = new Map<string, Entry<T>[]>();
  for (const { cue, value } of options.cues) {
    const words = fold(cue)
      .split(/\s+/u)
      .filter((w) => w !== '');
    const first = words[0];
    if (!first) continue;
    const key = first.slice(0, KEY);
    index.set(key, [...(index.get(key) ?? []), { words, value }]);
  }
  const wordMatches = (cue: string, token: string): boolean => (cue.length < KEY ? token === cue : token.startsWith(cue));
  const variants = (token: string): string[] => {
    if (!options.hebrewPrefixes) return [token];
    const out = [token];
    let t = token;
    for (let i = 0; i < 2 && t.length > 3 && HEBREW_PREFIX.test(t); i++) {
      t = t.slice(1);
      out.push(t);
    }
    return out;
  };
  return {
    find(tokens) {
      const hits: CueHit<T>[] = [];
      const matchFrom = (head: string, i: number): void => {
        const entries = index.get(head.length <= KEY ? head : head.slice(0, KEY));
        if (!entries) return;
        for (const e of entries) {
          if (!wordMatches(e.words[0]!, head)) continue;
          let ok = true;
          for (let k = 1; k < e.words.length && ok; k++) {
            const t = tokens[i + k];
            ok = t !== undefined && (options.hebrewPrefixes ? variants(t).some((v) => wordMatches(e.words[k]!, v)) : wordMatches(e.words[k]!, t));
          }
          if (ok) hits.push({ value: e.value, start: i, end: i + e.words.length });
        }
      };
      for (let i = 0; i < tokens.length; i++) {
        if (!options.hebrewPrefixes) {
          matchFrom(tokens[i]!, i);
          continue;
        }
        for (const head of variants(tokens[i]!)) matchFrom(head, i);
      }
      return hits;
    },
  };
}

// Marks a mention that warns others off ("don't buy", "не берите") or recommends to them ("highly
// recommend"): such mentions spread, so alerting weighs them. Phrases of every supported language
// are checked, because a mention often mixes languages or is detected wrongly when short.
// Matching is on folded tokens: one pass through a word trie finds whether any phrase occurs
// (most mentions stop there); only then are phrases applied in order, warnings first, each
// masking the words it used so "не рекомендую" is not also a recommendation.

import type { WordOfMouth } from '../types.js';
import { fold } from '../text/fold.js';
import { prepareText, type PreparedText } from '../text/prepare-text.js';
import { WORD_OF_MOUTH, type WordOfMouthPhrases } from './word-of-mouth-phrases.js';

export interface WordOfMouthDetector {
  detect(text: string | PreparedText): WordOfMouth;
}

interface Phrase {
  /** As written, without the trailing *. */
  phrase: string;
  words: string[];
  /** The last word may take any ending (letters or apostrophes). */
  prefix: boolean;
  warning: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A phrase ends exactly here. */
  ends: boolean;
  /** Stems of phrases whose open-ended last word follows here. */
  stems: string[];
}

const ENDING = /^[\p{L}']*$/u;

export function createWordOfMouthDetector(options: { phrases?: Record<string, WordOfMouthPhrases> } = {}): WordOfMouthDetector {
  const table = options.phrases ?? WORD_OF_MOUTH;
  const phrases: Phrase[] = [];
  for (const p of Object.values(table)) for (const w of p.warning) phrases.push(compile(w, true));
  for (const p of Object.values(table)) for (const r of p.recommendation) phrases.push(compile(r, false));
  const root = buildTrie(phrases);

  return {
    detect(input) {
      const words = typeof input === 'string' ? prepareText(input).words : input.words;
      if (!anyPhrase(root, words)) return { warning: false, recommendation: false, phrases: [] };
      let live = words.map((_, i) => i);
      const found: string[] = [];
      let warning = false;
      let recommendation = false;
      // One set for every phrase's positions, cleared for each: a set per phrase tried was most of
      // what detecting word of mouth allocated (ROUNDS.md round 44).
      const used = new Set<number>();
      for (const p of phrases) {
        occurrences(p, words, live, used);
        if (used.size === 0) continue;
        found.push(p.phrase);
        if (p.warning) warning = true;
        else recommendation = true;
        live = live.filter((i) => !used.has(i));
      }
      return { warning, recommendation, phrases: found };
    },
  };
}

function compile(written: string, warning: boolean): Phrase {
  const prefix = written.endsWith('*');
  const phrase = prefix ? written.slice(0, -1) : written;
  return {
    phrase,
    words: fold(phrase)
      .split(' ')
      .filter((w) => w !== ''),
    prefix,
    warning,
  };
}

function buildTrie(phrases: readonly Phrase[]): TrieNode {
  const node = (): TrieNode => ({ next: new Map(), ends: false, stems: [] });
  const root = node();
  for (const p of phrases) {
    let at = root;
    const last = p.words.length - 1;
    for (let k = 0; k < last; k++) {
      let child = at.next.get(p.words[k]!);
      if (!child) {
        child = node();
        at.next.set(p.words[k]!, child);
      }
      at = child;
    }
    if (p.prefix) {
      at.stems.push(p.words[last]!);
      continue;
    }
    let end = at.next.get(p.words[last]!);
    if (!end) {
      end = node();
      at.next.set(p.words[last]!, end);
    }
    end.ends = true;
  }
  return root;
}

function matchesWord(p: Phrase, k: number, word: string): boolean {
  const w = p.words[k]!;
  if (!p.prefix || k < p.words.length - 1) return word === w;
  return word.startsWith(w) && (word.length === w.length || ENDING.test(word.slice(w.length)));
}

/** Whether any phrase occurs in the words (no masking): one walk of the trie per start word. */
function anyPhrase(root: TrieNode, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    let at: TrieNode | undefined = root;
    for (let j = i; at !== undefined && j < words.length; j++) {
      const w = words[j]!;
      // The first letters are compared before startsWith, which was a fifth of word of mouth's time
      // (ROUNDS.md round 44): most words differ from every stem there.
      const head = w.charCodeAt(0);
      for (const stem of at.stems) {
        if (stem.charCodeAt(0) === head && w.startsWith(stem) && (w.length === stem.length || ENDING.test(w.slice(stem.length)))) return true;
      }
      at = at.next.get(w);
      if (at?.ends) return true;
    }
  }
  return false;
}

/** Fills `used` with the token positions of the non-overlapping occurrences of `p`, left to right, among `live`. */
function occurrences(p: Phrase, words: readonly string[], live: readonly number[], used: Set<number>): void {
  used.clear();
  const n = p.words.length;
  for (let s = 0; s + n <= live.length;) {
    let k = 0;
    while (k < n && matchesWord(p, k, words[live[s + k]!]!)) k++;
    if (k === n) {
      for (let d = 0; d < n; d++) used.add(live[s + d]!);
      s += n;
    } else s++;
  }
}

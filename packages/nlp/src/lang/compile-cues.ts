// Turns the readable cue lists of language-cues.ts into lookup tables, so detection does one map
// lookup per word instead of scanning every list, and walks a word's endings from its last letter
// through a trie instead of slicing every suffix.

import type { ScriptCues } from './language-cues.js';
import { foldWord } from '../text/fold.js';

export interface CompiledCues {
  /** Distinctive letter (char code) → language. */
  letterCodes: Map<number, string>;
  /** Shared letter (char code) → the languages that use it. */
  sharedLetterCodes: Map<number, readonly string[]>;
  /** Whether a char code is a key of letterCodes or sharedLetterCodes (a quick filter). */
  isCueLetter(code: number): boolean;
  langs: string[];
  wordLangs: Map<string, string[]>;
  /** Adds to `out` the languages of every listed ending of `word` shorter than the word minus one letter. */
  endingsOf(word: string, out: Set<string>): void;
  /**
   * Adds to `out` the languages with a sentiment stem `word` starts with (stems of 4+ letters) or
   * equals (shorter ones): the rule the lexicons match by (sentiment/lexicons.ts).
   */
  stemsOf(word: string, out: Set<string>): void;
  /** Adds to `out` the languages for which `word` holds a foreign letter (ScriptCues.foreignLetters). */
  foreignTo(word: string, out: Set<string>): void;
  fallback: string;
}

interface EndingNode {
  next: Map<number, EndingNode>;
  langs: string[];
}

/** A trie of every language's strings, spelled backwards (endings) or forwards (stems). */
function trieOf(lists: Record<string, readonly string[]>, backwards: boolean): EndingNode {
  const root: EndingNode = { next: new Map(), langs: [] };
  for (const [lang, list] of Object.entries(lists)) {
    for (const key of new Set(list)) {
      let at = root;
      for (let k = 0; k < key.length; k++) {
        const c = key.charCodeAt(backwards ? key.length - 1 - k : k);
        let child = at.next.get(c);
        if (!child) {
          child = { next: new Map(), langs: [] };
          at.next.set(c, child);
        }
        at = child;
      }
      if (!at.langs.includes(lang)) at.langs.push(lang);
    }
  }
  return root;
}

/** Below this length a stem matches whole words only. */
const MIN_PREFIX_STEM = 4;

/** The lists as the text's words are looked up: folded (a listed "ғой" must meet the folded token "гой"). */
function folded(lists: Record<string, readonly string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(lists).map(([lang, list]) => [lang, [...new Set(list.map((w) => foldWord(w.toLowerCase())))]]));
}

export function compileCues(cues: ScriptCues, stems: Record<string, readonly string[]> = {}): CompiledCues {
  const wordLangs = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(folded(cues.words))) {
    for (const w of list) wordLangs.set(w, [...(wordLangs.get(w) ?? []), lang]);
  }
  // Endings walk from the last letter, stems from the first; a node says which languages end one there.
  const root = trieOf(folded(cues.endings), true);
  const stemRoot = trieOf(stems, false);
  const letterCodes = new Map<number, string>();
  for (const [ch, lang] of Object.entries(cues.letters)) letterCodes.set(ch.charCodeAt(0), lang);
  const sharedLetterCodes = new Map<number, readonly string[]>();
  for (const [ch, langs] of Object.entries(cues.sharedLetters ?? {})) sharedLetterCodes.set(ch.charCodeAt(0), langs);
  const cueLetters = new Set([...letterCodes.keys(), ...sharedLetterCodes.keys()]);
  const maxCode = Math.max(0, ...cueLetters);
  const isCue = new Uint8Array(maxCode + 1);
  for (const c of cueLetters) isCue[c] = 1;
  // Bit i of foreignMask[code]: the letter is foreign to foreignLangs[i].
  const foreignLangs = Object.keys(cues.foreignLetters ?? {});
  const foreignCodes = Object.values(cues.foreignLetters ?? {}).flatMap((letters) => [...letters].map((ch) => ch.charCodeAt(0)));
  const foreignMask = new Uint32Array(Math.max(0, ...foreignCodes) + 1);
  foreignLangs.forEach((lang, i) => {
    for (const ch of cues.foreignLetters![lang]!) foreignMask[ch.charCodeAt(0)]! |= 1 << i;
  });
  return {
    letterCodes,
    sharedLetterCodes,
    isCueLetter: (code) => code <= maxCode && isCue[code] === 1,
    langs: Object.keys(cues.words),
    wordLangs,
    endingsOf(word, out) {
      let at: EndingNode | undefined = root;
      for (let len = 1; len < word.length - 1; len++) {
        at = at.next.get(word.charCodeAt(word.length - len));
        if (!at) return;
        for (const lang of at.langs) out.add(lang);
      }
    },
    stemsOf(word, out) {
      let at: EndingNode | undefined = stemRoot;
      for (let len = 1; len <= word.length; len++) {
        at = at.next.get(word.charCodeAt(len - 1));
        if (!at) return;
        if (len >= MIN_PREFIX_STEM || len === word.length) for (const lang of at.langs) out.add(lang);
      }
    },
    foreignTo(word, out) {
      if (foreignLangs.length === 0) return;
      let bits = 0;
      for (let i = 0; i < word.length; i++) bits |= foreignMask[word.charCodeAt(i)] ?? 0;
      for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) out.add(foreignLangs[i]!);
    },
    fallback: cues.fallback,
  };
}

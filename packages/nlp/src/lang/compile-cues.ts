// Turns the readable cue lists of language-cues.ts into lookup tables, so detection does one map
// lookup per word instead of scanning every list, and walks a word's endings from its last letter
// through a trie instead of slicing every suffix.

import type { ScriptCues } from './language-cues.js';

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
  fallback: string;
}

interface EndingNode {
  next: Map<number, EndingNode>;
  langs: string[];
}

export function compileCues(cues: ScriptCues): CompiledCues {
  const wordLangs = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(cues.words)) {
    for (const w of new Set(list)) wordLangs.set(w, [...(wordLangs.get(w) ?? []), lang]);
  }
  const root: EndingNode = { next: new Map(), langs: [] };
  for (const [lang, list] of Object.entries(cues.endings)) {
    for (const e of new Set(list)) {
      let at = root;
      for (let i = e.length - 1; i >= 0; i--) {
        const c = e.charCodeAt(i);
        let child = at.next.get(c);
        if (!child) {
          child = { next: new Map(), langs: [] };
          at.next.set(c, child);
        }
        at = child;
      }
      at.langs.push(lang);
    }
  }
  const letterCodes = new Map<number, string>();
  for (const [ch, lang] of Object.entries(cues.letters)) letterCodes.set(ch.charCodeAt(0), lang);
  const sharedLetterCodes = new Map<number, readonly string[]>();
  for (const [ch, langs] of Object.entries(cues.sharedLetters ?? {})) sharedLetterCodes.set(ch.charCodeAt(0), langs);
  const cueLetters = new Set([...letterCodes.keys(), ...sharedLetterCodes.keys()]);
  const maxCode = Math.max(0, ...cueLetters);
  const isCue = new Uint8Array(maxCode + 1);
  for (const c of cueLetters) isCue[c] = 1;
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
    fallback: cues.fallback,
  };
}

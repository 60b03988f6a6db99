// Turns the readable cue lists of language-cues.ts into lookup tables, so detection does one map
// lookup per word instead of scanning every list, and walks a word's endings from its last letter
// through a trie instead of slicing every suffix. A set of languages is a bit mask over `langs`, so
// detection adds up scores in a typed array, not in maps of language names (ROUNDS.md round 19).

import type { ScriptCues } from './language-cues.js';
import { createCharTrie, type CharTrie } from '../text/char-trie.js';
import { foldWord } from '../text/fold.js';

export interface CompiledCues {
  /**
   * Every language the cues name: those with cue words first, in the lists' order (which breaks ties
   * between equal scores), then those known only by their letters. A language set below is a bit
   * of a mask: bit i for langs[i].
   */
  langs: readonly string[];
  /** How many of `langs` have cue words (the first ones). */
  wordLangCount: number;
  /** The language index of a distinctive letter (char code), -1 if none. */
  letterLang(code: number): number;
  /** The languages of a letter several share (char code), 0 if none. */
  sharedLetterMask(code: number): number;
  /** Whether a char code is a distinctive or shared letter (a quick filter). */
  isCueLetter(code: number): boolean;
  /** The languages a folded word is a cue word of (0 if none). */
  wordMask: ReadonlyMap<string, number>;
  /** The languages of every listed ending of `word` shorter than the word minus one letter. */
  endingsOf(word: string): number;
  /**
   * The languages with a sentiment stem `word` starts with (stems of 4+ letters) or equals (shorter
   * ones): the rule the lexicons match by (sentiment/lexicons.ts).
   */
  stemsOf(word: string): number;
  /** The languages for which `word` holds a foreign letter (ScriptCues.foreignLetters). */
  foreignTo(word: string): number;
  fallback: string;
}

/** A trie of every language's strings, spelled backwards (endings) or forwards (stems); a node's value is the languages (a mask) a string ends at there for. */
function trieOf(lists: Record<string, readonly string[]>, backwards: boolean, bit: (lang: string) => number): CharTrie {
  const entries = Object.entries(lists).flatMap(([lang, list]) => [...new Set(list)].map((key) => [key, bit(lang)] as const));
  return createCharTrie(entries, { backwards, merge: (held, mask) => held | mask });
}

/** Below this length a stem matches whole words only. */
const MIN_PREFIX_STEM = 4;

/** The lists as the text's words are looked up: folded (a listed "ғой" must meet the folded token "гой"). */
function folded(lists: Record<string, readonly string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(lists).map(([lang, list]) => [lang, [...new Set(list.map((w) => foldWord(w.toLowerCase())))]]));
}

export function compileCues(cues: ScriptCues, stems: Record<string, readonly string[]> = {}): CompiledCues {
  const langs = [...Object.keys(cues.words)];
  const wordLangCount = langs.length;
  const indexOf = (lang: string): number => {
    let i = langs.indexOf(lang);
    if (i < 0) i = langs.push(lang) - 1;
    if (i > 30) throw new Error(`language cues: more than 31 languages in one script (${lang})`);
    return i;
  };
  const bit = (lang: string): number => 1 << indexOf(lang);
  const wordMask = new Map<string, number>();
  for (const [lang, list] of Object.entries(folded(cues.words))) {
    for (const w of list) wordMask.set(w, (wordMask.get(w) ?? 0) | bit(lang));
  }
  // Endings walk from the last letter, stems from the first; a node says which languages end one there.
  const root = trieOf(folded(cues.endings), true, bit);
  const stemRoot = trieOf(folded(stems), false, bit);
  const letterCodes = new Map<number, number>();
  for (const [ch, lang] of Object.entries(cues.letters)) letterCodes.set(ch.charCodeAt(0), indexOf(lang));
  const sharedCodes = new Map<number, number>();
  for (const [ch, shared] of Object.entries(cues.sharedLetters ?? {}))
    sharedCodes.set(
      ch.charCodeAt(0),
      shared.reduce((m, lang) => m | bit(lang), 0),
    );
  const maxCode = Math.max(0, ...letterCodes.keys(), ...sharedCodes.keys());
  const letterLang = new Int8Array(maxCode + 1).fill(-1);
  for (const [code, lang] of letterCodes) letterLang[code] = lang;
  const sharedMask = new Int32Array(maxCode + 1);
  for (const [code, mask] of sharedCodes) sharedMask[code] = mask;
  const foreignCodes = Object.values(cues.foreignLetters ?? {}).flatMap((letters) => [...letters].map((ch) => ch.charCodeAt(0)));
  const foreignMask = new Int32Array(Math.max(0, ...foreignCodes) + 1);
  for (const [lang, letters] of Object.entries(cues.foreignLetters ?? {})) for (const ch of letters) foreignMask[ch.charCodeAt(0)]! |= bit(lang);
  return {
    langs,
    wordLangCount,
    letterLang: (code) => (code <= maxCode ? letterLang[code]! : -1),
    sharedLetterMask: (code) => (code <= maxCode ? sharedMask[code]! : 0),
    isCueLetter: (code) => code <= maxCode && (letterLang[code] !== -1 || sharedMask[code] !== 0),
    wordMask,
    endingsOf(word) {
      let mask = 0;
      for (let len = 1, node = 0; len < word.length - 1; len++) {
        node = root.child(node, word.charCodeAt(word.length - len));
        if (node < 0) break;
        mask |= root.value(node);
      }
      return mask;
    },
    stemsOf(word) {
      let mask = 0;
      for (let len = 1, node = 0; len <= word.length; len++) {
        node = stemRoot.child(node, word.charCodeAt(len - 1));
        if (node < 0) break;
        if (len >= MIN_PREFIX_STEM || len === word.length) mask |= stemRoot.value(node);
      }
      return mask;
    },
    foreignTo(word) {
      let mask = 0;
      // A read past the table's end (every Cyrillic letter; the whole table where no foreign letters are listed) is not made: V8 takes a slow path for it.
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (code < foreignMask.length) mask |= foreignMask[code]!;
      }
      return mask;
    },
    fallback: cues.fallback,
  };
}

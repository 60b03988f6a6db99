// Splits text into lower-cased word tokens the same way for every component (sentiment features,
// topics, signals, language cues), so a word found by one is found by all. Hebrew niqqud and
// cantillation marks are dropped; apostrophes inside words ("don't", "Kaspi'ге") are kept. A Hebrew
// abbreviation keeps its gershayim or geresh (צה"ל, ח"כ, ג'ובניק) and stays one word; a Hebrew letter
// typed three or more times in a row ("תקומווווו") is one letter, as Hebrew spelling never triples one.

import { scanWords } from './word-scanner.js';

const HEBREW_POINTS = /[\u0591-\u05C7]/g;
const HAS_HEBREW_POINTS = /[\u0591-\u05C7]/;
/** Quote marks a word may hold, written as ASCII in tokens: ’ ` and Hebrew geresh ׳ as ', gershayim ״ as ". */
const ODD_QUOTES = /[’`\u05F3\u05F4]/;
const ODD_QUOTES_ALL = /[’`\u05F3\u05F4]/g;
const asciiQuote = (q: string): string => (q === '\u05F4' ? '"' : "'");

export interface Token {
  /** Lower-cased, NFC, Hebrew points removed, ’ ` ׳ normalised to ' and ״ to ". */
  text: string;
  start: number;
  end: number;
}

export function normalizeText(text: string): string {
  const nfc = text.normalize('NFC');
  return (HAS_HEBREW_POINTS.test(nfc) ? nfc.replace(HEBREW_POINTS, '') : nfc).toLowerCase();
}

/** The tokens of `text`, offsets in its normalizeText() form: scanTokens() with an object for each. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(normalizeText(text), (word, start, end) => out.push({ text: word, start, end }));
  return out;
}

const HEBREW_LETTER_RUN = /([\u05D0-\u05EA])\1\1/u;
const HEBREW_LETTER_RUNS = /([\u05D0-\u05EA])\1\1+/gu;

/** Calls `token(text, start, end)` for each token of `norm` (normalizeText output) in order, without an object for each (prepareText's path). */
export function scanTokens(norm: string, token: (text: string, start: number, end: number) => void): void {
  // Each rewrite is looked for once in the whole text; most texts need neither.
  const runs = HEBREW_LETTER_RUN.test(norm);
  const quotes = ODD_QUOTES.test(norm);
  scanWords(norm, (start, end) => {
    const word = norm.slice(start, end);
    const w = runs ? word.replace(HEBREW_LETTER_RUNS, '$1') : word;
    token(quotes && w.length > 1 ? w.replace(ODD_QUOTES_ALL, asciiQuote) : w, start, end);
  });
}

export function words(text: string): string[] {
  const out: string[] = [];
  scanTokens(normalizeText(text), (word) => out.push(word));
  return out;
}

const CONTRAST = new Set([
  'but',
  'however',
  'although',
  'though',
  'yet',
  'whereas',
  'но',
  'а',
  'зато',
  'однако',
  'хотя',
  'бирак',
  'бірақ',
  'алайда',
  'әйтсе',
  'אבל',
  'אך',
  'ואילו',
  'aga',
  'kuid',
  'ent',
  'samas',
  'kuigi',
]);

/**
 * Whether a token (its text, its start in `norm`) starts a new clause after the token that ended at
 * `prevEnd`: punctuation between them, or a contrastive conjunction ("but", "но", "бірақ", "אבל",
 * "aga"), so aspects can be judged locally.
 */
export function startsClause(norm: string, prevEnd: number, start: number, token: string): boolean {
  return hasClauseBreak(norm, prevEnd, start) || CONTRAST.has(token);
}

/** Punctuation that ends a clause (. ! ? ; , : newline … parentheses) or a dash between spaces. */
function hasClauseBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (s.charCodeAt(i)) {
      case 0x2e:
      case 0x21:
      case 0x3f:
      case 0x3b:
      case 0x2c:
      case 0x3a:
      case 0x0a:
      case 0x2026:
      case 0x28:
      case 0x29:
        return true;
      case 0x2d:
      case 0x2013:
      case 0x2014:
        if (i > from && i + 1 < to && isSpace(s.charCodeAt(i - 1)) && isSpace(s.charCodeAt(i + 1))) return true;
        break;
      default:
    }
  }
  return false;
}

/** Whitespace as JavaScript's /\s/ reads it (`long-runs.test.ts` checks every code unit). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x0b ||
    c === 0x0c ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x1680
  );
}

// Language detection tuned for short mentions. The writing system decides most cases at once
// (Hebrew, Greek, CJK …); within Cyrillic and Latin, letters only one language uses and very
// common words decide (language-cues.ts). Restricting candidates skips everything else, unless the
// caller asks for other languages to be reported where their evidence is clear (`othersAt`).

import type { DetectedLanguage } from '../types.js';
import { prepareText, type PreparedText } from '../text/prepare-text.js';
import { CYRILLIC_CUES, LATIN_CUES, type ScriptCues } from './language-cues.js';
import { compileCues, type CompiledCues } from './compile-cues.js';
import { noiseSpans } from './noise.js';
import { LEXICONS } from '../sentiment/lexicons.js';
import { threeDecimals } from '../three-decimals.js';

/**
 * The polarity lexicons' stems, as evidence for their language where other cues are weak (issue 10
 * round 7). Phrases are left out: a word never holds a space, so their trie paths could never match.
 */
function sentimentStems(langs: readonly string[]): Record<string, readonly string[]> {
  return Object.fromEntries(
    langs.map((lang) => [lang, [...(LEXICONS[lang]?.positive ?? []), ...(LEXICONS[lang]?.negative ?? [])].filter((entry) => !entry.includes(' '))]),
  );
}

interface ScriptRange {
  script: string;
  test: RegExp;
  /** Language answered for a script with one main language, or cues to choose among several. */
  lang?: string;
  cues?: CompiledCues;
}

const SCRIPTS: readonly ScriptRange[] = [
  { script: 'Hebrew', test: /\p{Script=Hebrew}/u, lang: 'he' },
  { script: 'Cyrillic', test: /\p{Script=Cyrillic}/u, cues: compileCues(CYRILLIC_CUES, sentimentStems(['ru', 'kk'])) },
  { script: 'Latin', test: /\p{Script=Latin}/u, cues: compileCues(LATIN_CUES, sentimentStems(['en', 'et'])) },
  { script: 'Arabic', test: /\p{Script=Arabic}/u, lang: 'ar' },
  { script: 'Greek', test: /\p{Script=Greek}/u, lang: 'el' },
  { script: 'Armenian', test: /\p{Script=Armenian}/u, lang: 'hy' },
  { script: 'Georgian', test: /\p{Script=Georgian}/u, lang: 'ka' },
  { script: 'Hangul', test: /\p{Script=Hangul}/u, lang: 'ko' },
  { script: 'Kana', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja' },
  { script: 'Han', test: /\p{Script=Han}/u, lang: 'zh' },
  { script: 'Thai', test: /\p{Script=Thai}/u, lang: 'th' },
  { script: 'Devanagari', test: /\p{Script=Devanagari}/u, lang: 'hi' },
];

/** A polarity stem counts as much as a function word. */
const STEM_WEIGHT = 1;
/** A listed ending is weak evidence for its language, a foreign letter as weak evidence against. */
const ENDING_WEIGHT = 0.3;
const FOREIGN_WEIGHT = 0.3;
/** Detection confidence from which a text's language is clear: a caller's language hint does not override it. */
export const CLEAR_CONFIDENCE = 0.8;
/** Everyday words of a language that is not a candidate a text needs before othersAt may answer it. */
const OTHER_LANGUAGE_WORDS = 2;

const LETTER = /\p{L}/u;
const LETTERS_ONLY = /^\p{L}+(?:'\p{L}+)*$/u;

export interface DetectOptions {
  /** The languages to choose among. */
  candidates?: string[];
  /**
   * With candidates: a text in another language the cues know (German, Spanish, Arabic …) is
   * answered as that language once its confidence reaches this, instead of being forced into the
   * nearest candidate. The analyzer uses it so that a German mention is German, not English.
   */
  othersAt?: number;
}

export function detectLanguage(text: string, options: DetectOptions = {}): DetectedLanguage {
  return detectPreparedLanguage(prepareText(text), options);
}

/**
 * detectLanguage() on a text the analyzer has already prepared: letters are counted on the
 * normalised text and cue words looked up among its folded tokens, skipping what noise.ts calls
 * noise (links, e-mail addresses, @handles, #tags).
 */
export function detectPreparedLanguage(text: PreparedText, options: DetectOptions = {}): DetectedLanguage {
  const allowed = options.candidates && options.candidates.length > 0 ? options.candidates : undefined;
  const othersAt = allowed ? options.othersAt : undefined;
  const noise = noiseSpans(text.norm);
  const counts = countScripts(text.norm, noise);
  let total = 0;
  for (const [, n] of counts) total += n;
  if (total === 0) return { lang: 'und', confidence: 0 };

  const ranked = counts.sort((a, b) => b[1] - a[1]);
  // A script whose cues found nothing (only names: "Dana Levi" before a Hebrew comment) answers its
  // fallback only if no script of one language (Hebrew, Greek …) occurs in the text too.
  let guess: DetectedLanguage | undefined;
  for (const [script, n] of ranked) {
    const range = SCRIPTS.find((s) => s.script === script);
    if (!range) continue;
    const share = n / total;
    if (range.lang !== undefined) {
      const confidence = threeDecimals(Math.min(1, 0.5 + share / 2));
      if (allowed && !allowed.includes(range.lang) && (othersAt === undefined || confidence < othersAt || guess)) continue;
      return { lang: range.lang, confidence };
    }
    if (guess) continue;
    if (range.cues) {
      const picked = scoreWithCues(text, noise, range.cues, allowed, othersAt);
      if (!picked) continue;
      const detected = { lang: picked.lang, confidence: threeDecimals(picked.confidence * (0.5 + share / 2)) };
      if (!picked.guessed) return detected;
      guess ??= detected;
    }
  }
  return guess ?? { lang: 'und', confidence: 0 };
}

/** Every language the cue lists of a script know, by its letters or its words. */
function cueLanguages(cues: ScriptCues): Set<string> {
  return new Set([...Object.keys(cues.words), ...Object.values(cues.letters), ...Object.values(cues.sharedLetters ?? {}).flat(), cues.fallback]);
}

const SCRIPT_LANGUAGES = new Map<string, Set<string>>([
  ['Latin', cueLanguages(LATIN_CUES)],
  ['Cyrillic', cueLanguages(CYRILLIC_CUES)],
  ...SCRIPTS.filter((s) => s.lang !== undefined).map((s) => [s.script, new Set([s.lang!])] as [string, Set<string>]),
]);
const SCRIPT_KNOWN_LANGUAGES = new Set([...SCRIPT_LANGUAGES.values()].flatMap((langs) => [...langs]));

/**
 * Whether a text could be in `lang` by its writing system: false when most of its letters are of a
 * script the cues know and `lang` is not written in it (an "en-US" feed hint on a Russian text). A
 * language the cues do not know (Romanian, Polish words) is given the benefit of the doubt.
 */
export function writtenIn(text: PreparedText, lang: string): boolean {
  const counts = countScripts(text.norm, noiseSpans(text.norm));
  let top: string | undefined;
  let most = 0;
  for (const [script, n] of counts)
    if (n > most) {
      top = script;
      most = n;
    }
  if (top === undefined || !SCRIPT_KNOWN_LANGUAGES.has(lang)) return true;
  return SCRIPT_LANGUAGES.get(top)?.has(lang) ?? false;
}

/** Whether `at` lies in one of the spans (in order, apart): a binary search, as a text of many links or tags has a span for each (a scan per letter made such a text quadratic). */
function inNoise(noise: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = noise.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < noise[2 * mid]!) hi = mid - 1;
    else if (at >= noise[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Letters per script, in the order the scripts' first letters appear (the three common ones first). */
function countScripts(text: string, noise: readonly number[]): [string, number][] {
  let latin = 0;
  let cyrillic = 0;
  let hebrew = 0;
  let others: Map<string, number> | undefined;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    // Fast paths for the scripts Earshot sees most; the regex table for the rest.
    if (code < 0x41) continue;
    if (noise.length > 0 && inNoise(noise, i)) continue;
    if (code < 0x250) {
      if (isAsciiOrLatinLetter(code)) latin++;
      continue;
    }
    if (code >= 0x400 && code <= 0x52f) {
      cyrillic++;
      continue;
    }
    if (code >= 0x5d0 && code <= 0x5f2) {
      hebrew++;
      continue;
    }
    let ch = text[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      ch = String.fromCodePoint(code);
      i++;
    }
    if (!LETTER.test(ch)) continue;
    const script = scriptOf(ch);
    // Letters of the three outside the fast paths' ranges (ə, ạ, Cyrillic and Hebrew supplements)
    // count with the rest of their script.
    if (script === 'Latin') latin++;
    else if (script === 'Cyrillic') cyrillic++;
    else if (script === 'Hebrew') hebrew++;
    else {
      others ??= new Map();
      others.set(script, (others.get(script) ?? 0) + 1);
    }
  }
  // This order breaks ties in the ranking (a stable sort).
  const counts: [string, number][] = [];
  if (latin > 0) counts.push(['Latin', latin]);
  if (cyrillic > 0) counts.push(['Cyrillic', cyrillic]);
  if (hebrew > 0) counts.push(['Hebrew', hebrew]);
  if (others) for (const entry of others) counts.push(entry);
  return counts;
}

/**
 * The script of a letter outside the fast paths' ranges. A loop, not SCRIPTS.find with an arrow: an
 * arrow reading `ch` would make countScripts allocate a context for every character of every text
 * (a quarter of the analysis's allocations, ROUNDS.md round 44).
 */
function scriptOf(ch: string): string {
  for (const range of SCRIPTS) if (range.test.test(ch)) return range.script;
  return 'Other';
}

function isAsciiOrLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7);
}

/** `guessed`: no cue at all spoke, the script's fallback language answered. */
function scoreWithCues(
  text: PreparedText,
  noise: readonly number[],
  cues: CompiledCues,
  allowed: readonly string[] | undefined,
  othersAt: number | undefined,
): (DetectedLanguage & { guessed?: boolean }) | undefined {
  // Every language is scored; the candidates are chosen among afterwards, so that one pass also
  // tells whether another language leads (othersAt). Scores are kept by language index (cues.langs);
  // `order` is the order ties are broken in: the cue-word languages, then others as their letters appear.
  const { langs } = cues;
  const { scores, letterHits, sharedHits, wordHits } = scratchOf(cues);
  const order: number[] = [];
  for (let l = 0; l < cues.wordLangCount; l++) order.push(l);
  const addMask = (mask: number, v: number): void => {
    for (let l = 0; mask !== 0; l++, mask >>>= 1) if (mask & 1) scores[l]! += v;
  };

  const letterOrder: number[] = [];
  const { norm } = text;
  for (let i = 0; i < norm.length; i++) {
    const code = norm.charCodeAt(i);
    if (code < 0xc0 || !cues.isCueLetter(code) || (noise.length > 0 && inNoise(noise, i))) continue;
    const lang = cues.letterLang(code);
    if (lang >= 0 && letterHits[lang]!++ === 0) letterOrder.push(lang);
    for (let l = 0, mask = cues.sharedLetterMask(code); mask !== 0; l++, mask >>>= 1) if (mask & 1) sharedHits[l]!++;
  }
  // A few distinctive letters are strong evidence; many add little more (a Russian sentence may
  // quote one Kazakh name, a Kazakh one many Russian words). Letters several languages share
  // (ä ö ü) weigh less than one cue word each.
  for (const l of letterOrder) {
    scores[l]! += 2.5 * Math.min(letterHits[l]!, 4);
    if (l >= cues.wordLangCount) order.push(l);
  }
  for (let l = 0; l < langs.length; l++) {
    if (sharedHits[l]! === 0) continue;
    scores[l]! += 0.8 * Math.min(sharedHits[l]!, 3);
    if (l >= cues.wordLangCount && letterHits[l]! === 0) order.push(l);
  }

  const { words, starts } = text;
  for (let t = 0; t < words.length; t++) {
    const w = words[t]!;
    if (noise.length > 0 && inNoise(noise, starts[t]!)) continue;
    if (!isLetterWord(w)) continue;
    const own = cues.wordMask.get(w) ?? 0;
    if (own !== 0) {
      addMask(own, 1);
      for (let l = 0, mask = own; mask !== 0; l++, mask >>>= 1) if (mask & 1) wordHits[l]!++;
    }
    addMask(cues.foreignTo(w), -FOREIGN_WEIGHT);
    if (w.length >= 4) addMask(cues.endingsOf(w), ENDING_WEIGHT);
  }

  const allowedMask = allowed ? maskOf(langs, allowed) : -1;
  let { best, second } = leader(scores, order, allowedMask);
  // Weak evidence (less than one function word between the first two): short reviews ("Terrible support.",
  // "Halb ruuter.") have no function word, and their endings mislead (-le, -ks, -id look Estonian). Then the
  // polarity lexicons' stems count too. Only then: walking every word through them costs throughput.
  if (best >= 0 && scores[best]! - second < 1) {
    for (let t = 0; t < words.length; t++) {
      const w = words[t]!;
      if ((noise.length > 0 && inNoise(noise, starts[t]!)) || !isLetterWord(w)) continue;
      addMask(cues.stemsOf(w), STEM_WEIGHT);
    }
    ({ best, second } = leader(scores, order, allowedMask));
  }
  if (othersAt !== undefined) {
    // Letters alone never make a text another language: Kazakh typed in its Latin alphabet writes
    // ğ ş ı as Turkish does. Its own everyday words must be there too.
    const free = leader(scores, order, -1);
    if (free.best >= 0 && scores[free.best]! > 0 && !allowed!.includes(langs[free.best]!) && wordHits[free.best]! >= OTHER_LANGUAGE_WORDS) {
      const confidence = cueConfidence(scores[free.best]!, free.second);
      if (confidence >= othersAt) return { lang: langs[free.best]!, confidence };
    }
  }
  if (best < 0) return undefined;
  if (scores[best]! <= 0) {
    const fallback = cues.fallback;
    if (allowed && !allowed.includes(fallback)) return { lang: langs[best]!, confidence: 0.2, guessed: true };
    return { lang: fallback, confidence: 0.3, guessed: true };
  }
  return { lang: langs[best]!, confidence: cueConfidence(scores[best]!, second) };
}

/** Per-language counters, one set per script's cues, zeroed for each text (detection is synchronous). */
interface Scratch {
  scores: Float64Array;
  letterHits: Int32Array;
  sharedHits: Int32Array;
  wordHits: Int32Array;
}
const SCRATCH = new WeakMap<CompiledCues, Scratch>();
function scratchOf(cues: CompiledCues): Scratch {
  let s = SCRATCH.get(cues);
  if (!s) {
    const n = cues.langs.length;
    s = { scores: new Float64Array(n), letterHits: new Int32Array(n), sharedHits: new Int32Array(n), wordHits: new Int32Array(n) };
    SCRATCH.set(cues, s);
  }
  s.scores.fill(0);
  s.letterHits.fill(0);
  s.sharedHits.fill(0);
  s.wordHits.fill(0);
  return s;
}

/** The bits of `langs` among `allowed`. */
function maskOf(langs: readonly string[], allowed: readonly string[]): number {
  let mask = 0;
  for (let l = 0; l < langs.length; l++) if (allowed.includes(langs[l]!)) mask |= 1 << l;
  return mask;
}

/** From the leader's score and the runner-up's: a clear margin and a large share of the evidence. */
function cueConfidence(best: number, second: number): number {
  return 0.5 + 0.5 * (1 - Math.exp(-(best - second))) * (best / (best + second));
}

/**
 * The highest-scoring language (an index; -1 if none) among those of `allowedMask`, in `order` (the
 * first of equal scores wins), and the runner-up's score.
 */
function leader(scores: Float64Array, order: readonly number[], allowedMask: number): { best: number; second: number } {
  let best = -1;
  let second = 0;
  for (const l of order) {
    if (((allowedMask >>> l) & 1) === 0) continue;
    if (best < 0 || scores[l]! > scores[best]!) {
      if (best >= 0) second = scores[best]!;
      best = l;
    } else if (scores[l]! > second) second = scores[l]!;
  }
  return { best, second };
}

/** Letters only (apostrophes inside): the words the cue lists are made of. */
function isLetterWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f))) return LETTERS_ONLY.test(w);
  }
  return true;
}

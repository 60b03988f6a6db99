// Language detection tuned for short mentions. The writing system decides most cases at once
// (Hebrew, Greek, CJK …); within Cyrillic and Latin, letters only one language uses and very
// common words decide (language-cues.ts). Restricting candidates skips everything else.

import type { DetectedLanguage } from '../types.js';
import { fold } from '../text/fold.js';
import { CYRILLIC_CUES, LATIN_CUES } from './language-cues.js';
import { compileCues, type CompiledCues } from './compile-cues.js';

interface ScriptRange {
  script: string;
  test: RegExp;
  /** Language answered for a script with one main language, or cues to choose among several. */
  lang?: string;
  cues?: CompiledCues;
}

const SCRIPTS: readonly ScriptRange[] = [
  { script: 'Hebrew', test: /\p{Script=Hebrew}/u, lang: 'he' },
  { script: 'Cyrillic', test: /\p{Script=Cyrillic}/u, cues: compileCues(CYRILLIC_CUES) },
  { script: 'Latin', test: /\p{Script=Latin}/u, cues: compileCues(LATIN_CUES) },
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

const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+|\S+@\S+\.\S+/gu;
const LETTER = /\p{L}/u;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

export interface DetectOptions {
  candidates?: string[];
}

export function detectLanguage(text: string, options: DetectOptions = {}): DetectedLanguage {
  const allowed = options.candidates && options.candidates.length > 0 ? new Set(options.candidates) : undefined;
  const clean = text.replace(NOISE, ' ');
  const counts = countScripts(clean);
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total === 0) return { lang: 'und', confidence: 0 };

  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  for (const [script, n] of ranked) {
    const range = SCRIPTS.find((s) => s.script === script);
    if (!range) continue;
    const share = n / total;
    if (range.lang !== undefined) {
      if (allowed && !allowed.has(range.lang)) continue;
      return { lang: range.lang, confidence: round(Math.min(1, 0.5 + share / 2)) };
    }
    if (range.cues) {
      const picked = scoreWithCues(clean.toLowerCase(), range.cues, allowed);
      if (picked) return { lang: picked.lang, confidence: round(picked.confidence * (0.5 + share / 2)) };
    }
  }
  return { lang: 'und', confidence: 0 };
}

function countScripts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Fast paths for the scripts Earshot sees most; the regex table for the rest.
    let script: string | undefined;
    if (code < 0x41) continue;
    if (code < 0x250) script = isAsciiOrLatinLetter(code) ? 'Latin' : undefined;
    else if (code >= 0x400 && code <= 0x52f) script = 'Cyrillic';
    else if (code >= 0x5d0 && code <= 0x5f2) script = 'Hebrew';
    else if (LETTER.test(ch)) script = SCRIPTS.find((s) => s.test.test(ch))?.script ?? 'Other';
    if (script !== undefined) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

function isAsciiOrLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7);
}

function scoreWithCues(lower: string, cues: CompiledCues, allowed: Set<string> | undefined): DetectedLanguage | undefined {
  const scores = new Map<string, number>();
  const add = (lang: string, v: number): void => {
    if (allowed && !allowed.has(lang)) return;
    scores.set(lang, (scores.get(lang) ?? 0) + v);
  };
  for (const lang of cues.langs) add(lang, 0);

  const letterHits = new Map<string, number>();
  for (const ch of lower) {
    const lang = cues.letters[ch];
    if (lang) letterHits.set(lang, (letterHits.get(lang) ?? 0) + 1);
  }
  // A few distinctive letters are strong evidence; many add little more (a Russian sentence may
  // quote one Kazakh name, a Kazakh one many Russian words).
  for (const [lang, n] of letterHits) add(lang, 2.5 * Math.min(n, 4));

  const endingHits = new Set<string>();
  for (const m of fold(lower).replace(/’/g, "'").matchAll(WORD)) {
    const w = m[0];
    for (const lang of cues.wordLangs.get(w) ?? []) add(lang, 1);
    if (w.length < 4) continue;
    for (let len = 1; len <= cues.longestEnding && len < w.length - 1; len++) {
      for (const lang of cues.endingLangs.get(w.slice(-len)) ?? []) endingHits.add(lang);
    }
    for (const lang of endingHits) add(lang, 0.3);
    endingHits.clear();
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return undefined;
  const second = ranked[1]?.[1] ?? 0;
  if (best[1] <= 0) {
    const fallback = cues.fallback;
    if (allowed && !allowed.has(fallback)) return { lang: best[0], confidence: 0.2 };
    return { lang: fallback, confidence: 0.3 };
  }
  const margin = best[1] - second;
  const confidence = 0.5 + 0.5 * (1 - Math.exp(-margin)) * (best[1] / (best[1] + second));
  return { lang: best[0], confidence };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

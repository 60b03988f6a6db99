// Marks a mention that warns others off ("don't buy", "не берите") or recommends to them ("highly
// recommend"): such mentions spread, so alerting weighs them. Phrases of every supported language
// are checked, because a mention often mixes languages or is detected wrongly when short.

import type { WordOfMouth } from '../types.js';
import { fold } from '../text/fold.js';
import { WORD_OF_MOUTH, type WordOfMouthPhrases } from './word-of-mouth-phrases.js';

export interface WordOfMouthDetector {
  detect(text: string, lang?: string): WordOfMouth;
}

interface CompiledPhrase {
  phrase: string;
  pattern: RegExp;
  /** Same pattern with the g flag, for masking every occurrence. */
  all: RegExp;
}

export function createWordOfMouthDetector(options: { phrases?: Record<string, WordOfMouthPhrases> } = {}): WordOfMouthDetector {
  const table = options.phrases ?? WORD_OF_MOUTH;
  const warnings: CompiledPhrase[] = [];
  const recommendations: CompiledPhrase[] = [];
  for (const p of Object.values(table)) {
    for (const w of p.warning) warnings.push(compile(w));
    for (const r of p.recommendation) recommendations.push(compile(r));
  }
  // One combined pattern per kind finds candidates in a single pass; only texts that hit are
  // checked phrase by phrase.
  const anyWarning = new RegExp(warnings.map((w) => w.pattern.source).join('|'), 'u');
  const anyRecommendation = new RegExp(recommendations.map((r) => r.pattern.source).join('|'), 'u');
  return {
    detect(text) {
      const quick = ` ${fold(text).replace(/[’`]/g, "'").replace(/[^\p{L}\p{N}\p{M}']+/gu, ' ')} `;
      if (!anyWarning.test(quick) && !anyRecommendation.test(quick)) return { warning: false, recommendation: false, phrases: [] };
      let norm = ` ${fold(text).replace(/[’`]/g, "'").replace(/[^\p{L}\p{N}\p{M}']+/gu, ' ')} `;
      const phrases: string[] = [];
      let warning = false;
      for (const w of warnings) {
        if (!w.pattern.test(norm)) continue;
        warning = true;
        phrases.push(w.phrase);
        norm = norm.replace(w.all, (m) => ' '.repeat(m.length));
      }
      let recommendation = false;
      for (const r of recommendations) {
        if (!r.pattern.test(norm)) continue;
        recommendation = true;
        phrases.push(r.phrase);
        norm = norm.replace(r.all, (m) => ' '.repeat(m.length));
      }
      return { warning, recommendation, phrases };
    },
  };
}

function compile(phrase: string): CompiledPhrase {
  const prefix = phrase.endsWith('*');
  const body = fold(prefix ? phrase.slice(0, -1) : phrase)
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(' +');
  const source = ` ${body}${prefix ? "[\\p{L}']*" : ''}(?= )`;
  return { phrase: phrase.replace(/\*$/, ''), pattern: new RegExp(source, 'u'), all: new RegExp(source, 'gu') };
}

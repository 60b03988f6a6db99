// Which feature extractor each language's model uses: the shared hashed n-grams, the language's own
// lexicon, plus wink-nlp for English and the nlp.js lexicon for Russian. Training, the benchmark
// and the analyzer all build extractors here, so a model is always read with the features it was
// trained on.

import { createFeatureExtractor, type FeatureExtractor } from './extract-features.js';
import { createLexiconScorer } from './lexicon-scorer.js';
import { LEXICONS } from './lexicons.js';
import { createRussianAfinn } from './russian-afinn.js';
import type { WinkSentiment } from './wink-sentiment.js';

export const HASH_BITS = 20;

export interface LanguageFeatureOptions {
  lang: string;
  /** Shared across languages because loading wink-nlp's model is the slow part. */
  wink?: WinkSentiment;
}

export function createLanguageFeatures(options: LanguageFeatureOptions): { extractor: FeatureExtractor; denseCount: number } {
  const lexiconDef = LEXICONS[options.lang] ?? LEXICONS.en!;
  const lexicon = createLexiconScorer({ lexicon: lexiconDef });
  const extraScores: ((text: string, words: readonly string[]) => number)[] = [];
  if (options.lang === 'en' && options.wink) {
    const wink = options.wink;
    extraScores.push((text) => wink.score(text));
  }
  if (options.lang === 'ru') {
    const afinn = createRussianAfinn();
    extraScores.push((_text, words) => Math.tanh(afinn.sum(words) / 5));
  }
  const extractor = createFeatureExtractor({ hashBits: HASH_BITS, lexicon, extraScores });
  return { extractor, denseCount: 4 + extraScores.length };
}

// Trains one language's sentiment model from labeled texts: the same feature extractor the
// analyzer will use (language-features.ts), then trainLinearModel. Shared by scripts/train.ts and
// the cross-validating benchmark, so what is measured is what ships.

import type { SentimentLabel } from '../types.js';
import { createLanguageFeatures, HASH_BITS } from './language-features.js';
import type { LinearModelFile } from './linear-model.js';
import { trainLinearModel, type TrainOptions } from './train-linear-model.js';
import type { WinkSentiment } from './wink-sentiment.js';

export interface LabeledText {
  text: string;
  label: SentimentLabel;
}

export function trainSentimentModel(options: { lang: string; examples: LabeledText[]; wink?: WinkSentiment; seed?: number; hyper?: Pick<TrainOptions, 'epochs' | 'learningRate' | 'l2' | 'maxFeatures'> }): LinearModelFile {
  const { extractor, denseCount } = createLanguageFeatures({ lang: options.lang, ...(options.wink ? { wink: options.wink } : {}) });
  const examples = options.examples.map((e) => ({ x: extractor.extract(e.text), label: e.label }));
  return trainLinearModel({ lang: options.lang, examples, hashBits: HASH_BITS, denseCount, seed: options.seed ?? 42, ...options.hyper });
}

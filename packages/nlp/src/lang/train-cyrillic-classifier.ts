// Trains the Russian-or-Kazakh classifier (cyrillic-classifier.ts) for `npm run train:nlp`: apart from
// it so that the analyzer, which only loads the classifier, does not carry the shared-data readers.

import { readLabeledFile } from '../eval/read-labeled.js';
import { sharedDataFile } from '../eval/shared-dir.js';
import { createLanguageFeatures, HASH_BITS } from '../sentiment/language-features.js';
import type { LinearModelFile } from '../sentiment/linear-model.js';
import { trainLinearModel } from '../sentiment/train-linear-model.js';
import { CYRILLIC_LANGUAGES, type CyrillicLanguage } from './cyrillic-classifier.js';
import { withoutNoise } from './noise.js';

/** Buckets the classifier keeps (the strongest; ~120 KB on disk). */
const MAX_FEATURES = 10_000;

/** Trained on shared/data/sentiment/train/{kk,ru}.jsonl; undefined when either file is missing. Deterministic. */
export function trainCyrillicClassifier(env: Record<string, string | undefined>): LinearModelFile<CyrillicLanguage> | undefined {
  const { extractor, denseCount } = createLanguageFeatures({ lang: 'kk' });
  const examples = [];
  for (const lang of CYRILLIC_LANGUAGES) {
    const path = sharedDataFile(env, 'sentiment/train', lang);
    if (!path) return undefined;
    for (const row of readLabeledFile(path).examples) if (row.lang === lang) examples.push({ x: extractor.extract(withoutNoise(row.text)), label: lang });
  }
  return trainLinearModel({ lang: 'kk', examples, classOrder: [...CYRILLIC_LANGUAGES], hashBits: HASH_BITS, denseCount, maxFeatures: MAX_FEATURES });
}

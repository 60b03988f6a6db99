// Russian or Kazakh, learned, for the Cyrillic texts the cue words cannot decide. Kazakh typed
// without its own letters (ә ғ қ ң ө ұ ү һ і), as many app and shop reviews are, often holds no cue
// word either; detection then fell back to Russian and the Russian models read it (about 1 in 60
// Kazakh train reviews, 17 of the 1,500 Kazakh dev texts). A small logistic regression over the
// Kazakh sentiment features (character n-grams inside words above all), trained on the shared
// *train* texts of both languages only (so cross-validation on dev never scores a text it saw),
// decides instead whenever detection is less sure than a caller's hint would need to overrule it.
// Training: train-cyrillic-classifier.ts. ROUNDS.md, issue 10 round 10.

import { createLanguageFeatures } from '../sentiment/language-features.js';
import { isLinearModelFile, loadLinearModel, type LinearModelFile } from '../sentiment/linear-model.js';
import { FeatureBuffer } from '../sentiment/feature-buffer.js';
import { prepareText, type PreparedText } from '../text/prepare-text.js';
import { withoutNoise } from './noise.js';

export const CYRILLIC_LANGUAGES = ['kk', 'ru'] as const;
export type CyrillicLanguage = (typeof CYRILLIC_LANGUAGES)[number];

export interface CyrillicClassifier {
  /** The probability that the text is Kazakh rather than Russian. */
  kazakhProbability(text: PreparedText): number;
}

export function isCyrillicClassifierFile(v: unknown): v is LinearModelFile<CyrillicLanguage> {
  return isLinearModelFile(v) && v.classes.length === 2 && v.classes[0] === 'kk' && v.classes[1] === 'ru';
}

export function loadCyrillicClassifier(file: LinearModelFile<CyrillicLanguage>): CyrillicClassifier {
  const { extractor } = createLanguageFeatures({ lang: 'kk' });
  const model = loadLinearModel(file);
  const features = new FeatureBuffer();
  const p = new Float64Array(CYRILLIC_LANGUAGES.length);
  return {
    kazakhProbability(text) {
      // Prepared again only when something was left out (withoutNoise returns a clean text as it is).
      const clean = withoutNoise(text.text);
      extractor.extractInto(clean === text.text ? text : prepareText(clean), features);
      model.predictInto(features, features.length, p);
      return p[0]!;
    },
  };
}

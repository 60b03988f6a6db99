// The sentiment cross-validation the comparison scripts share: 5-fold stratified CV on a language's
// dev rows for each fold seed, the language's shared train rows (trainingAdditions) added to every
// training part and never scored, the whole analyzer scoring (language not told, topics off).
// Returns macro-F1 per seed.

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import type { LabeledExample } from '../src/eval/read-labeled.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import type { LanguageSettings } from '../src/sentiment/language-features.js';
import { trainingAdditions } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import type { WinkSentiment } from '../src/sentiment/wink-sentiment.js';

export interface SentimentCvOptions {
  lang: string;
  dev: readonly LabeledExample[];
  settings: LanguageSettings;
  seeds: readonly number[];
  wink: WinkSentiment;
  /** Settings for one training part (its dev rows given), where they depend on the training texts. */
  settingsForPart?: (trainRows: readonly LabeledExample[]) => LanguageSettings;
}

export function crossValidatedMacroF1(options: SentimentCvOptions): number[] {
  const { lang, dev, wink } = options;
  const { added, ...additions } = trainingAdditions({ env: process.env, lang, settings: options.settings });
  return options.seeds.map((seed) => {
    const folds = stratifiedFolds(
      dev.map((e) => e.label),
      5,
      seed,
    );
    const pairs = [];
    for (let f = 0; f < 5; f++) {
      const trainRows = dev.filter((_, i) => folds[i] !== f);
      const settings = options.settingsForPart ? options.settingsForPart(trainRows) : options.settings;
      const model = trainSentimentModel({ lang, examples: [...trainRows, ...added], wink, settings, ...additions });
      const analyzer = createAnalyzer({ models: { [lang]: model }, topicModel: null, settings: { [lang]: settings } });
      for (const e of dev.filter((_, i) => folds[i] === f)) pairs.push({ gold: e.label, predicted: analyzer.analyze(e.text).sentiment.label });
    }
    return classificationReport(pairs).macroF1;
  });
}

// Measures, per language, whether adding shared/data/sentiment/train rows helps: 5-fold stratified
// cross-validation on dev (seed 7, the benchmark's folds), the train rows added to every training
// fold and never scored, each option beside dev alone. The whole analyzer scores (language not told).
// Run: npx tsx packages/nlp/scripts/compare-train-data.ts [lang …]

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { extraTrainingRows, type ExtraData } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';

const langs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en', 'ru', 'kk', 'he'];
const wink = createWinkSentiment();
for (const lang of langs) {
  const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
  const folds = stratifiedFolds(dev.map((e) => e.label), 5, 7);
  const options: (ExtraData | undefined)[] = [undefined, 'polar', 'all'];
  for (const extra of options) {
    const added = extraTrainingRows({ env: process.env, lang, extra });
    if (extra === 'all' && !added.some((e) => e.label === 'neutral')) continue;
    const settings = { ...(LANGUAGE_SETTINGS[lang] ?? {}) };
    const started = performance.now();
    const pairs = [];
    for (let f = 0; f < 5; f++) {
      const model = trainSentimentModel({ lang, examples: [...dev.filter((_, i) => folds[i] !== f), ...added], wink, settings });
      const analyzer = createAnalyzer({ models: { [lang]: model }, topicModel: null });
      for (const e of dev.filter((_, i) => folds[i] === f)) pairs.push({ gold: e.label, predicted: analyzer.analyze(e.text).sentiment.label });
    }
    const r = classificationReport(pairs);
    console.log(`${lang} ${extra ?? 'dev only'} (+${added.length}): macro-F1 ${r.macroF1} accuracy ${r.accuracy} f1 ${JSON.stringify(r.f1)} ${Math.round((performance.now() - started) / 1000)} s`);
  }
}

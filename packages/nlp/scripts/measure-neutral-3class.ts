// The other English neutral option: a three-class model trained on dev plus the brand tweets of
// shared/data/sentiment/train/en.jsonl (which have a neutral class). Two-fold CV over the tweets
// (dev always in training): macro-F1 and neutral F1 on the held-out tweets, to compare with the
// binary model plus the neutral rule (scripts/measure-neutral.ts). Its cost on dev is measured by
// scripts/compare-train-data.ts ("all"). Run: npx tsx packages/nlp/scripts/measure-neutral-3class.ts [--weight=0.3]
// (--weight: each tweet's weight in training, as LANGUAGE_SETTINGS trainWeight).

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { numberOption } from './script-options.js';

const wink = createWinkSentiment();
const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', 'en')!).examples;
const tweets = readLabeledFile(sharedDataFile(process.env, 'sentiment/train', 'en')!).examples;
const weight = numberOption('weight', 1);
const folds = stratifiedFolds(
  tweets.map((e) => e.label),
  2,
  7,
);
const pairs = [];
for (let f = 0; f < 2; f++) {
  const model = trainSentimentModel({ lang: 'en', examples: [...dev, ...tweets.filter((_, i) => folds[i] !== f).map((e) => ({ ...e, weight }))], wink });
  const analyzer = createAnalyzer({ languages: ['en'], models: { en: model }, topicModel: null });
  for (const e of tweets.filter((_, i) => folds[i] === f))
    pairs.push({ gold: e.label, predicted: analyzer.analyze(e.text, { langHint: 'en' }).sentiment.label });
}
const r = classificationReport(pairs);
console.log(`en three-class (dev + tweets × ${weight}), held-out tweets: macro-F1 ${r.macroF1}, f1 ${JSON.stringify(r.f1)}`);

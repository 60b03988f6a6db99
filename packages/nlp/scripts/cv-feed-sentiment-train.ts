// Do our labeled feed items (eval/feed-sentiment.ts) teach the English sentiment model what a news or
// blog item's sentiment is? Feed items as training rows, measured both ways: on the feed items by
// cross-validation over whole feeds (trained on dev, train rows and the other feeds' items; scored on
// the held-out feeds' items, as a new feed would come), and on the sentiment dev texts by the usual
// 5-fold CV with every feed item added to each training part. The feed-item neutral rule is off
// (no topic model), so the two can be compared. Weights: how much each feed item counts.
// Run: npx tsx packages/nlp/scripts/cv-feed-sentiment-train.ts [--weights=0,1,2] [--seeds=7,11] (ROUNDS.md: issue 10, round 14)

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import { readFeedSentimentExamples } from '../src/eval/feed-sentiment.js';
import { feedFolds } from '../src/eval/feed-topic-cv.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { trainingAdditions, type WeightedExample } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { readDev } from './out-of-fold-scores.js';
import { numberListOption } from './script-options.js';

const lang = 'en';
const weights = numberListOption('weights', [0, 1, 2]);
const seeds = numberListOption('seeds', [7, 11]);
const wink = createWinkSentiment();
const settings = LANGUAGE_SETTINGS[lang]!;
const dev = readDev(lang);
const { added, ...additions } = trainingAdditions({ env: process.env, lang, settings });
const items = readFeedSentimentExamples(process.env).filter((e) => e.lang === lang);
const fold = feedFolds(items, 5);
const asRows = (rows: typeof items, weight: number): WeightedExample[] =>
  weight === 0 ? [] : rows.map((e) => ({ text: e.text, label: e.label, lang, weight }));

const score = (examples: WeightedExample[], texts: readonly string[]): string[] => {
  const model = trainSentimentModel({ lang, examples, wink, settings, ...additions });
  const analyzer = createAnalyzer({ models: { [lang]: model }, topicModel: null, settings: { [lang]: settings } });
  return texts.map((t) => analyzer.analyze(t, { langHint: lang }).sentiment.label);
};

for (const weight of weights) {
  const pairs: { gold: string; predicted: string }[] = [];
  for (let f = 0; f < 5; f++) {
    const held = items.filter((_, i) => fold[i] === f);
    const predicted = score(
      [
        ...dev,
        ...added,
        ...asRows(
          items.filter((_, i) => fold[i] !== f),
          weight,
        ),
      ],
      held.map((e) => e.text),
    );
    held.forEach((e, i) => pairs.push({ gold: e.label, predicted: predicted[i]! }));
  }
  const feeds = classificationReport(pairs);
  const devScores = seeds.map((seed) => {
    const folds = stratifiedFolds(
      dev.map((e) => e.label),
      5,
      seed,
    );
    const devPairs: { gold: string; predicted: string }[] = [];
    for (let f = 0; f < 5; f++) {
      const held = dev.filter((_, i) => folds[i] === f);
      const predicted = score(
        [...dev.filter((_, i) => folds[i] !== f), ...added, ...asRows(items, weight)],
        held.map((e) => e.text),
      );
      held.forEach((e, i) => devPairs.push({ gold: e.label, predicted: predicted[i]! }));
    }
    return classificationReport(devPairs).macroF1;
  });
  console.log(
    `weight ${weight}: feed items macro-F1 ${feeds.macroF1.toFixed(3)} F1 ${JSON.stringify(feeds.f1)} confusion ${JSON.stringify(feeds.confusion)}; dev macro-F1 ${devScores.map((s) => s.toFixed(3)).join(' ')}`,
  );
}

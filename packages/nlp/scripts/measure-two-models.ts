// Measures a two-model English: the side (positive or negative) from a binary model trained on dev
// only (English dev has no neutral class), and neutral from the three-class model trained on dev
// plus the brand tweets (the shipped English model): neutral when that one says so, else the binary
// model's answer. 5-fold CV on dev with several fold seeds (7 is the benchmark's), and on the
// tweets by 2-fold CV (dev always in training, as scripts/measure-neutral-3class.ts).
// Run: npx tsx packages/nlp/scripts/measure-two-models.ts [--seeds=7,11,13] [--polar=dev|polar]

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile, type LabeledExample } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import type { Sentiment } from '../src/types.js';
import { numberListOption, options } from './script-options.js';

const seeds = numberListOption('seeds', [7, 11, 13]);
const polarTweets = options('polar').includes('polar');
const lang = 'en';
const wink = createWinkSentiment();
const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
const tweets = readLabeledFile(sharedDataFile(process.env, 'sentiment/train', lang)!).examples.filter((e) => e.lang === lang);
const settings = LANGUAGE_SETTINGS[lang]!;

function analyzers(train3: LabeledExample[], train2: LabeledExample[]): { three: (t: string) => Sentiment; two: (t: string) => Sentiment } {
  const three = createAnalyzer({ models: { [lang]: trainSentimentModel({ lang, examples: train3, wink }) }, topicModel: null });
  const two = createAnalyzer({ models: { [lang]: trainSentimentModel({ lang, examples: train2, wink }) }, topicModel: null });
  return { three: (t) => three.analyze(t).sentiment, two: (t) => two.analyze(t).sentiment };
}
const combine = (three: Sentiment, two: Sentiment): string => (three.label === 'neutral' ? 'neutral' : two.label);
const polar = (rows: LabeledExample[]): LabeledExample[] => (polarTweets ? rows.filter((e) => e.label !== 'neutral') : []);

for (const seed of seeds) {
  const folds = stratifiedFolds(
    dev.map((e) => e.label),
    5,
    seed,
  );
  const shipped = [];
  const both = [];
  const binary = [];
  for (let f = 0; f < 5; f++) {
    const train = dev.filter((_, i) => folds[i] !== f);
    const a = analyzers([...train, ...tweets], [...train, ...polar(tweets)]);
    for (const e of dev.filter((_, i) => folds[i] === f)) {
      const three = a.three(e.text);
      const two = a.two(e.text);
      shipped.push({ gold: e.label, predicted: three.label });
      binary.push({ gold: e.label, predicted: two.label });
      both.push({ gold: e.label, predicted: combine(three, two) });
    }
  }
  console.log(
    `dev seed ${seed}: shipped ${classificationReport(shipped).macroF1} | binary alone ${classificationReport(binary).macroF1} | two models ${classificationReport(both).macroF1}`,
  );
}

const tweetFolds = stratifiedFolds(
  tweets.map((e) => e.label),
  2,
  7,
);
const shipped = [];
const both = [];
for (let f = 0; f < 2; f++) {
  const train = tweets.filter((_, i) => tweetFolds[i] !== f);
  const a = analyzers([...dev, ...train], [...dev, ...polar(train)]);
  for (const e of tweets.filter((_, i) => tweetFolds[i] === f)) {
    const three = a.three(e.text);
    shipped.push({ gold: e.label, predicted: three.label });
    both.push({ gold: e.label, predicted: combine(three, a.two(e.text)) });
  }
}
const s = classificationReport(shipped);
const b = classificationReport(both);
console.log(`tweets: shipped ${s.macroF1} (neutral F1 ${s.f1.neutral}) | two models ${b.macroF1} (neutral F1 ${b.f1.neutral}) ${settings.trainData}`);

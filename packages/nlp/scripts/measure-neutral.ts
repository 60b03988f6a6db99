// Measures the neutral rule (sentiment-scorer.ts NeutralRule) per language: out-of-fold predictions
// of 5-fold CV on dev (seed 7, the benchmark's folds; training set as training-set.ts builds it), and
// for English also the model trained on all of dev scored on shared/data/sentiment/train/en.jsonl
// (brand tweets with a neutral class, never trained on in this measurement). For each opinionBand,
// macro-F1 with texts that have no polar lexicon word and |score| < band called neutral.
// Run: npx tsx packages/nlp/scripts/measure-neutral.ts [lang …]

import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { outOfFoldScores, readDev, scoreTexts, type ScoredText } from './out-of-fold-scores.js';

const BANDS = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const BINARY_BAND = 0.1;
const langs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en', 'ru', 'kk', 'he', 'et'];
const wink = createWinkSentiment();

function sweep(raw: ScoredText[]): string {
  return BANDS.map((band) => {
    const pairs = raw.map((r) => {
      let label = r.label;
      if (r.binary && Math.abs(r.score) < BINARY_BAND) label = 'neutral';
      if (Math.abs(r.score) < band && r.positive + r.negative === 0) label = 'neutral';
      return { gold: r.gold, predicted: label };
    });
    const rep = classificationReport(pairs);
    return `${band}: ${rep.macroF1.toFixed(3)}${rep.f1.neutral !== undefined ? ` (neutral F1 ${rep.f1.neutral.toFixed(3)})` : ''}`;
  }).join(' | ');
}

for (const lang of langs) {
  const dev = readDev(lang);
  console.log(`${lang} dev CV macro-F1 by opinionBand: ${sweep(outOfFoldScores(lang, dev, wink))}`);
  if (lang === 'en') {
    // Only meaningful for a model that never saw the tweets.
    const tweets = readLabeledFile(sharedDataFile(process.env, 'sentiment/train', 'en')!).examples;
    const model = trainSentimentModel({ lang, examples: dev, wink });
    console.log(`en model on dev, scored on en train tweets (3 classes): ${sweep(scoreTexts(lang, model, tweets, wink))}`);
  }
}

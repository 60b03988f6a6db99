// Measures the neutral rule (sentiment-scorer.ts NeutralRule) per language: out-of-fold predictions
// of 5-fold CV on dev (seed 7, the benchmark's folds; training set as training-set.ts builds it), and
// for English also the model trained on all of dev scored on shared/data/sentiment/train/en.jsonl
// (brand tweets with a neutral class, never trained on in this measurement). For each opinionBand,
// macro-F1 with texts that have no polar lexicon word and |score| < band called neutral.
// Run: npx tsx packages/nlp/scripts/measure-neutral.ts [lang …]

import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile, type LabeledExample } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { FeatureBuffer } from '../src/sentiment/feature-buffer.js';
import { createLanguageFeatures, LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { loadLinearModel, type LinearModelFile } from '../src/sentiment/linear-model.js';
import { extraTrainingRows } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { prepareText } from '../src/text/prepare-text.js';

const BANDS = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const BINARY_BAND = 0.1;
const langs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en', 'ru', 'kk', 'he', 'et'];
const wink = createWinkSentiment();

interface Raw {
  gold: string;
  label: string;
  score: number;
  opinionWords: number;
  binary: boolean;
}

function rawPredictions(lang: string, file: LinearModelFile, texts: LabeledExample[]): Raw[] {
  const { extractor } = createLanguageFeatures({ lang, wink });
  const model = loadLinearModel(file);
  const buffer = new FeatureBuffer();
  const p = new Float64Array(model.classes.length);
  const pos = model.classes.indexOf('positive');
  const neg = model.classes.indexOf('negative');
  return texts.map((e) => {
    const hits = extractor.extractInto(prepareText(e.text), buffer);
    model.predictInto(buffer, buffer.length, p);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return {
      gold: e.label,
      label: model.classes[best]!,
      score: (pos >= 0 ? p[pos]! : 0) - (neg >= 0 ? p[neg]! : 0),
      opinionWords: hits.positive + hits.negative,
      binary: model.classes.length === 2,
    };
  });
}

function sweep(raw: Raw[]): string {
  return BANDS.map((band) => {
    const pairs = raw.map((r) => {
      let label = r.label;
      if (r.binary && Math.abs(r.score) < BINARY_BAND) label = 'neutral';
      if (Math.abs(r.score) < band && r.opinionWords === 0) label = 'neutral';
      return { gold: r.gold, predicted: label };
    });
    const rep = classificationReport(pairs);
    return `${band}: ${rep.macroF1.toFixed(3)}${rep.f1.neutral !== undefined ? ` (neutral F1 ${rep.f1.neutral.toFixed(3)})` : ''}`;
  }).join(' | ');
}

for (const lang of langs) {
  const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
  const added = extraTrainingRows({ env: process.env, lang, extra: LANGUAGE_SETTINGS[lang]?.trainData, weight: LANGUAGE_SETTINGS[lang]?.trainWeight ?? 1 });
  // The English tweet check below is only meaningful for a model that never saw the tweets.
  const folds = stratifiedFolds(
    dev.map((e) => e.label),
    5,
    7,
  );
  const raw: Raw[] = [];
  for (let f = 0; f < 5; f++) {
    const model = trainSentimentModel({ lang, examples: [...dev.filter((_, i) => folds[i] !== f), ...added], wink });
    raw.push(
      ...rawPredictions(
        lang,
        model,
        dev.filter((_, i) => folds[i] === f),
      ),
    );
  }
  console.log(`${lang} dev CV macro-F1 by opinionBand: ${sweep(raw)}`);
  if (lang === 'en') {
    const tweets = readLabeledFile(sharedDataFile(process.env, 'sentiment/train', 'en')!).examples;
    const model = trainSentimentModel({ lang, examples: dev, wink });
    console.log(`en model on dev, scored on en train tweets (3 classes): ${sweep(rawPredictions(lang, model, tweets))}`);
  }
}

// What the sentiment measurement scripts (measure-neutral.ts, measure-neutral-zone.ts,
// dump-opinion-rows.ts) score with: a language's linear model run over texts, giving its label, its
// score (P(positive) − P(negative)) and the polar lexicon hits; and the out-of-fold version on dev —
// 5-fold CV, seed 7 (the benchmark's folds) unless another is given, training set as training-set.ts
// builds it.
import { readLabeledFile, type LabeledExample } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { FeatureBuffer } from '../src/sentiment/feature-buffer.js';
import { createLanguageFeatures } from '../src/sentiment/language-features.js';
import { loadLinearModel, type LinearModelFile } from '../src/sentiment/linear-model.js';
import { modelExtractor } from '../src/sentiment/prior-model.js';
import { trainingAdditions } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import type { WinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { prepareText } from '../src/text/prepare-text.js';

export interface ScoredText {
  text: string;
  gold: string;
  label: string;
  score: number;
  /** Polar lexicon words found. */
  positive: number;
  negative: number;
  /** The model has no neutral class. */
  binary: boolean;
}

export function scoreTexts(lang: string, file: LinearModelFile, texts: LabeledExample[], wink: WinkSentiment): ScoredText[] {
  const extractor = modelExtractor(file, createLanguageFeatures({ lang, wink }).extractor);
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
      text: e.text,
      gold: e.label,
      label: model.classes[best]!,
      score: (pos >= 0 ? p[pos]! : 0) - (neg >= 0 ? p[neg]! : 0),
      positive: hits.positive,
      negative: hits.negative,
      binary: model.classes.length === 2,
    };
  });
}

/** One scored text as dump-opinion-rows.ts writes it and measure-opinion-gate.ts reads it. */
export interface OpinionRow extends Omit<ScoredText, 'binary'> {
  /** dev (out of fold) or tweets (English train tweets, model trained on dev). */
  set: string;
  lang: string;
}

/** The language's dev texts (only that language's rows). */
export function readDev(lang: string): LabeledExample[] {
  return readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
}

/** Every dev text scored by the fold model that never saw it, fold by fold (5 folds; `seed` 7 is the benchmark's). */
export function outOfFoldScores(lang: string, dev: readonly LabeledExample[], wink: WinkSentiment, seed = 7): ScoredText[] {
  const { added, ...additions } = trainingAdditions({ env: process.env, lang });
  const folds = stratifiedFolds(
    dev.map((e) => e.label),
    5,
    seed,
  );
  const scored: ScoredText[] = [];
  for (let f = 0; f < 5; f++) {
    const model = trainSentimentModel({ lang, examples: [...dev.filter((_, i) => folds[i] !== f), ...added], wink, ...additions });
    scored.push(
      ...scoreTexts(
        lang,
        model,
        dev.filter((_, i) => folds[i] === f),
        wink,
      ),
    );
  }
  return scored;
}

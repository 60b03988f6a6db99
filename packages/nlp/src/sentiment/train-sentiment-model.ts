// Trains one language's sentiment model from labeled texts: the same feature extractor the
// analyzer will use (language-features.ts), then trainLinearModel. Shared by scripts/train.ts and
// the cross-validating benchmark, so what is measured is what ships.

import type { SentimentLabel } from '../types.js';
import type { FeatureExtractor } from './extract-features.js';
import { createLanguageFeatures, HASH_BITS, LANGUAGE_SETTINGS, type LanguageSettings } from './language-features.js';
import { loadLinearModel, type LinearModelFile } from './linear-model.js';
import { PRIOR_DENSE_COUNT, withPrior } from './prior-model.js';
import { trainLinearModel, type TrainOptions } from './train-linear-model.js';
import type { WinkSentiment } from './wink-sentiment.js';

export interface LabeledText {
  text: string;
  label: SentimentLabel;
  /** How much the text counts in training (default 1). */
  weight?: number;
}

export function trainSentimentModel(options: {
  lang: string;
  examples: LabeledText[];
  wink?: WinkSentiment;
  seed?: number;
  settings?: LanguageSettings;
  /** Rows the naive Bayes part is counted from instead of `examples` (train-linear-model.ts nbExamples). */
  nbExamples?: LabeledText[] | undefined;
  /** Rows the prior model learns from, where the settings ask for one (priorData; prior-model.ts). */
  priorExamples?: LabeledText[] | undefined;
}): LinearModelFile {
  const settings = options.settings ?? LANGUAGE_SETTINGS[options.lang] ?? {};
  const language = createLanguageFeatures({ lang: options.lang, settings, ...(options.wink ? { wink: options.wink } : {}) });
  // The prior: the same features and epochs, no naive Bayes part, no class boost; its rows balanced as any model's.
  const { priorRows, prior } = trainPrior(options, settings, language);
  const extractor = prior ? withPrior(language.extractor, loadLinearModel(prior), HASH_BITS) : language.extractor;
  const denseCount = prior ? PRIOR_DENSE_COUNT : language.denseCount;
  const examples = featurize(extractor, options.examples);
  const hyper = trainHyperparameters(settings);
  // Naive Bayes counts only the hashed buckets (train-linear-model.ts), so its rows need no prior
  // features: the language's own, those of the prior's rows when they are the same rows (Kazakh's polar).
  const nbExamples =
    options.nbExamples && (options.nbExamples === options.priorExamples && priorRows ? priorRows : featurize(language.extractor, options.nbExamples));
  const model = trainLinearModel({
    lang: options.lang,
    examples,
    hashBits: HASH_BITS,
    denseCount,
    seed: options.seed ?? 42,
    ...hyper,
    ...(nbExamples ? { nbExamples } : {}),
  });
  return prior ? { ...model, prior } : model;
}

/** The training options a language's settings choose (trainLinearModel's defaults where they choose none). */
export function trainHyperparameters(
  settings: LanguageSettings,
): Pick<TrainOptions, 'epochs' | 'learningRate' | 'l2' | 'classBoost' | 'maxFeatures' | 'nbWeight' | 'nbAlpha'> {
  const hyper: ReturnType<typeof trainHyperparameters> = {};
  if (settings.epochs !== undefined) hyper.epochs = settings.epochs;
  if (settings.learningRate !== undefined) hyper.learningRate = settings.learningRate;
  if (settings.l2 !== undefined) hyper.l2 = settings.l2;
  if (settings.classBoost) hyper.classBoost = settings.classBoost;
  if (settings.nbWeight !== undefined) hyper.nbWeight = settings.nbWeight;
  if (settings.nbAlpha !== undefined) hyper.nbAlpha = settings.nbAlpha;
  if (settings.keep !== undefined) hyper.maxFeatures = settings.keep;
  return hyper;
}

function featurize(extractor: FeatureExtractor, rows: LabeledText[]): TrainOptions['examples'] {
  return rows.map((e) => ({ x: extractor.extract(e.text), label: e.label, ...(e.weight !== undefined ? { weight: e.weight } : {}) }));
}

type PriorResult = { priorRows?: TrainOptions['examples'] | undefined; prior?: LinearModelFile | undefined };
/**
 * Priors trained, by settings object, rows array and seed: cross-validation trains a model per fold
 * from other dev rows but the same train rows, so the prior (Kazakh's: 18,938 rows, about 6 s) is the
 * same in every fold and is trained once. Settings and rows are never changed after they are made,
 * and the model files that share a prior are only read and written out.
 */
const priors = new WeakMap<LanguageSettings, WeakMap<LabeledText[], Map<string, PriorResult>>>();

function trainPrior(
  options: { lang: string; wink?: WinkSentiment; seed?: number; priorExamples?: LabeledText[] | undefined },
  settings: LanguageSettings,
  language: { extractor: FeatureExtractor; denseCount: number },
): PriorResult {
  const rows = options.priorExamples;
  if (!settings.priorData || !rows || rows.length === 0) return {};
  const key = `${options.lang} ${options.seed ?? 42} ${options.wink ? 'wink' : ''}`;
  let byRows = priors.get(settings);
  if (!byRows) priors.set(settings, (byRows = new WeakMap()));
  let bySeed = byRows.get(rows);
  if (!bySeed) byRows.set(rows, (bySeed = new Map()));
  const known = bySeed.get(key);
  if (known) return known;
  const priorRows = featurize(language.extractor, rows);
  const prior = trainLinearModel({
    lang: options.lang,
    examples: priorRows,
    hashBits: HASH_BITS,
    denseCount: language.denseCount,
    seed: options.seed ?? 42,
    ...(settings.epochs !== undefined ? { epochs: settings.epochs } : {}),
    ...(settings.priorKeep !== undefined ? { maxFeatures: settings.priorKeep } : {}),
  });
  const result = { priorRows, prior };
  bySeed.set(key, result);
  return result;
}

// The learned multi-label topic model committed as packages/nlp/models/topics.json: one logistic
// regression per topic over the sentiment features plus topic-features.ts, shared by the languages
// with few labeled texts (a language with many has weights of its own: languageWeights), pruned and
// quantised like the sentiment models; each topic's decision threshold (chosen by cross-validation) and, per language, whether the model, the cue rule (where the data is too thin to
// learn from) or nothing decides it.

import type { SparseVector } from '../sentiment/feature-buffer.js';
import { isLinearModelFile, loadLinearModel, softmaxInPlace, type LinearModelFile } from '../sentiment/linear-model.js';
import { createMergedWeightTable, createWeightTable, hasQuantisedWeights, type QuantisedWeights, type WeightTable } from '../sentiment/weight-table.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { TOPIC_IDS } from './topic-cues.js';
import { cueFeatures, domainFeature, languageFeature, MAX_DOMAINS } from './topic-features.js';

export type TopicMode = 'model' | 'cues' | 'off';

/**
 * The gate: a last column of the model, after the topics, trained on "this text has some customer
 * topic". In a language where it is on ('model': its logit reaches its threshold; 'cues': some topic's
 * cue word occurs), a text the gate rejects gets no topic, neither learned nor by a cue rule, except
 * the topics too thin to learn in that language (file `ungated`: privacy and personalization in English),
 * whose cue rules still apply.
 */
export const GATE_ID = 'any';

export interface TopicModelFile {
  format: 'earshot-topics-v1';
  topics: string[];
  hashBits: number;
  scale: number;
  bias: number[];
  /** Feature buckets, ascending, delta-encoded. */
  buckets: number[];
  /** Quantised weights, topics.length per bucket. */
  weights: number[];
  /** Probability at or above which a topic in 'model' mode is tagged. */
  thresholds: number[];
  /** Per language (SUPPORTED_LANGUAGES order), per topic: the threshold there (overrides `thresholds`). */
  languageThresholds?: number[][];
  /** Per language (SUPPORTED_LANGUAGES order), per topic: how the topic is decided in that language. */
  modes: TopicMode[][];
  /**
   * Per language (SUPPORTED_LANGUAGES order), bit t: topic t is too thin to learn there, and its cue
   * rule applies even where the gate rejects a text. A number: the same mask in every language (files
   * before round 39).
   */
  ungated?: number | number[];
  /**
   * Languages with a model of their own, trained on their rows alone (train-topic-model.ts
   * fitTopicModelGroups): there these weights replace the shared ones above.
   */
  languageWeights?: LanguageWeights[];
  /** The text-domain classifiers whose probabilities are features (text-domains.ts), one per language that has one. */
  domains?: LinearModelFile<string>[];
  /** Customer text or feed item (feed-items.ts), one per language that has one: not a feature, a gate. */
  feedItems?: LinearModelFile<string>[];
  trainedOn: { examples: number; positives: Record<string, number>; seed: number };
}

/** One language's own weights, in the shape of the file's (one per kept bucket and column, one bias per column). */
export interface LanguageWeights extends QuantisedWeights {
  lang: string;
}

export interface TopicModel {
  topics: readonly string[];
  modes: readonly (readonly TopicMode[])[];
  /**
   * Each topic's logit from features laid out as in training (topic-dataset.ts: the sentiment
   * features, then the extra topic features of topic-features.ts): bias + weights (the language's) of
   * the first `length` features and the first `extraCount` of `extra`, into out.
   */
  logitsInto(langIndex: number, x: SparseVector, length: number, extra: SparseVector, extraCount: number, out: Float64Array): void;
  /**
   * The same logits for a mention's sentiment features alone, for the topics the model decides in
   * the language (the other entries of out are stale): the language's bias, the cue features of
   * `cueMask` and its text-domain classifier's probabilities are added here, as training added them.
   */
  languageLogitsInto(langIndex: number, x: SparseVector, length: number, cueMask: number, out: Float64Array): void;
  /**
   * The probability that a mention in the language, by its sentiment features, is a feed item rather
   * than a customer's text (feed-items.ts); 0 in a language without that classifier. A pass of its
   * own, which the tagger makes only where the answer could withhold a topic.
   */
  feedItemProbability(langIndex: number, x: SparseVector, length: number): number;
  /** Per language, the logit of each topic's threshold: a topic is on when its logit ≥ this. */
  cutoffs: readonly Float64Array[];
  /** Column of the gate (GATE_ID) in `topics`, or -1 for a model without one. */
  gate: number;
  /** Per language, bit t: topic t's cue rule applies there even where the gate rejects a text. */
  ungated: readonly number[];
}

/** The file's `ungated` masks, one per language of `modes`, whichever form the file has them in. */
export function ungatedMasks(file: TopicModelFile): number[] {
  return file.modes.map((_, l) => (typeof file.ungated === 'number' ? file.ungated : (file.ungated?.[l] ?? 0)));
}

export function loadTopicModel(file: TopicModelFile): TopicModel {
  const width = file.topics.length;
  const shared = createWeightTable(file, width);
  // Each language's weights: its own where it has a model of its own, else the shared ones.
  const weightsOf = file.modes.map((_, l) => file.languageWeights?.find((w) => w.lang === SUPPORTED_LANGUAGES[l]) ?? file);
  const tables = weightsOf.map((w) => (w === file ? shared : createWeightTable(w, width)));
  const logitsInto = (langIndex: number, x: SparseVector, length: number, extra: SparseVector, extraCount: number, out: Float64Array): void => {
    const table = tables[langIndex] ?? shared;
    table.scoresInto(x, length, out);
    for (let i = 0; i < extraCount; i++) table.addFeature(extra.indices[i]!, out, extra.values[i]!);
  };
  const languages = file.modes.map((modes, l) => languageScorer(file, weightsOf[l]!, tables[l]!, l, modes));
  const feedItems = SUPPORTED_LANGUAGES.map((lang) => {
    const classifier = file.feedItems?.find((f) => f.lang === lang);
    return classifier ? loadLinearModel(classifier) : undefined;
  });
  const feedScratch = new Float64Array(2);
  return {
    topics: file.topics,
    modes: file.modes,
    gate: file.topics.indexOf(GATE_ID),
    ungated: ungatedMasks(file),
    cutoffs: file.modes.map((_, l) => Float64Array.from(file.languageThresholds?.[l] ?? file.thresholds, (p) => Math.log(p / (1 - p)))),
    logitsInto,
    languageLogitsInto(langIndex, x, length, cueMask, out) {
      (langIndex < languages.length ? languages[langIndex] : languages[0])?.(x, length, cueMask, out);
    },
    feedItemProbability(langIndex, x, length) {
      const classifier = feedItems[langIndex];
      if (!classifier) return 0;
      classifier.predictInto(x, length, feedScratch);
      return feedScratch[1]!;
    },
  };
}

/**
 * A language's topic logits as one pass over the mention's features: one table holds the weights of
 * the topics the model decides there and of the language's text-domain classifier, so each feature is
 * looked up once for both; the extra features (language bias, cue words, kinds of text) are rows of
 * weights worked out here once. The same sums as logitsInto over training's layout, in another order.
 */
function languageScorer(
  file: TopicModelFile,
  weights: QuantisedWeights,
  table: WeightTable,
  langIndex: number,
  modes: readonly TopicMode[],
): ((x: SparseVector, length: number, cueMask: number, out: Float64Array) => void) | undefined {
  const columns = modes.flatMap((m, t) => (m === 'model' ? [t] : []));
  const m = columns.length;
  if (m === 0) return undefined;
  const lang = SUPPORTED_LANGUAGES[langIndex];
  const domain = file.domains?.find((d) => d.lang === lang);
  const k = domain ? Math.min(domain.classes.length, MAX_DOMAINS) : 0;
  const merged = createMergedWeightTable([
    { file: weights, width: file.topics.length, columns },
    ...(domain ? [{ file: domain, width: domain.classes.length }] : []),
  ]);
  // The weights of extra features, in the language's model columns.
  const full = new Float64Array(file.topics.length);
  const rowOf = (features: readonly number[]): Float64Array => {
    full.fill(0);
    for (const f of features) table.addFeature(f, full);
    return Float64Array.from(columns, (c) => full[c]!);
  };
  const always = rowOf([languageFeature(langIndex)]);
  const cueRows = TOPIC_IDS.map((_, t) => rowOf(cueFeatures(langIndex, t)));
  const domainRows = Array.from({ length: k }, (_, d) => rowOf([domainFeature(langIndex, d)]));
  const scratch = new Float64Array(merged.width);
  return (x, length, cueMask, out) => {
    merged.scoresInto(x, length, scratch);
    if (domain) softmaxInPlace(scratch, m, merged.width);
    for (let j = 0; j < m; j++) {
      let logit = scratch[j]! + always[j]!;
      for (let t = 0; t < cueRows.length; t++) if ((cueMask >> t) & 1) logit += cueRows[t]![j]!;
      for (let d = 0; d < k; d++) logit += scratch[m + d]! * domainRows[d]![j]!;
      out[columns[j]!] = logit;
    }
  };
}

/** A parsed file has this shape: weights for every kept bucket and column, modes per language, well-formed text-domain classifiers. */
export function isTopicModelFile(v: unknown): v is TopicModelFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.format === 'earshot-topics-v1' &&
    hasQuantisedWeights(o, o.topics) &&
    Array.isArray(o.thresholds) &&
    Array.isArray(o.modes) &&
    o.modes.every((m) => Array.isArray(m) && m.length === (o.topics as unknown[]).length) &&
    (o.languageWeights === undefined ||
      (Array.isArray(o.languageWeights) &&
        o.languageWeights.every(
          (w) =>
            typeof w === 'object' &&
            w !== null &&
            typeof (w as { lang?: unknown }).lang === 'string' &&
            hasQuantisedWeights(w as Record<string, unknown>, o.topics),
        ))) &&
    (o.domains === undefined || (Array.isArray(o.domains) && o.domains.every(isLinearModelFile))) &&
    (o.feedItems === undefined || (Array.isArray(o.feedItems) && o.feedItems.every(isLinearModelFile)))
  );
}

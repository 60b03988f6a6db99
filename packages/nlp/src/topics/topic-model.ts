// The learned multi-label topic model committed as packages/nlp/models/topics.json: one logistic
// regression per topic over the sentiment features plus topic-features.ts, shared by all languages,
// pruned and quantised like the sentiment models; each topic's decision threshold (chosen by
// cross-validation) and, per language, whether the model, the cue rule (where the data is too thin to
// learn from) or nothing decides it.

import type { SparseVector } from '../sentiment/feature-buffer.js';
import { loadLinearModel, type LinearModel, type LinearModelFile } from '../sentiment/linear-model.js';
import { createWeightTable } from '../sentiment/weight-table.js';
import { SUPPORTED_LANGUAGES } from '../types.js';

export type TopicMode = 'model' | 'cues' | 'off';

/**
 * The gate: a last column of the model, after the topics, trained on "this text has some customer
 * topic". In a language where it is on ('model': its logit reaches its threshold; 'cues': some topic's
 * cue word occurs), a text the gate rejects gets no topic, neither learned nor by a cue rule, except
 * the topics too thin to learn (file `ungated`: privacy, personalization), whose cue rules still apply.
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
  /** Bit t: topic t is too thin to learn, and its cue rule applies even where the gate rejects a text. */
  ungated?: number;
  /** The text-domain classifiers whose probabilities are features (text-domains.ts), one per language that has one. */
  domains?: LinearModelFile<string>[];
  trainedOn: { examples: number; positives: Record<string, number>; seed: number };
}

export interface TopicModel {
  topics: readonly string[];
  modes: readonly (readonly TopicMode[])[];
  /** Writes each topic's logit (bias + weights of the first `length` features and the first `extraCount` of `extra`) into out. */
  logitsInto(x: SparseVector, length: number, extra: SparseVector, extraCount: number, out: Float64Array): void;
  /** The topics the model decides in a language (the others are cue rules or off): only their logits are needed. */
  modelTopics(langIndex: number): Int32Array;
  /** logitsInto for the topics the model decides in the language; the other entries of out are stale. */
  languageLogitsInto(langIndex: number, x: SparseVector, length: number, extra: SparseVector, extraCount: number, out: Float64Array): void;
  /** Per language (SUPPORTED_LANGUAGES order), its text-domain classifier, if the model was trained with one. */
  domains: readonly (LinearModel<string> | undefined)[];
  /** Per language, the logit of each topic's threshold: a topic is on when its logit ≥ this. */
  cutoffs: readonly Float64Array[];
  /** Column of the gate (GATE_ID) in `topics`, or -1 for a model without one. */
  gate: number;
  /** Bit t: topic t's cue rule applies even where the gate rejects a text. */
  ungated: number;
}

export function loadTopicModel(file: TopicModelFile): TopicModel {
  const width = file.topics.length;
  const table = createWeightTable(file, width);
  const perLanguage = file.modes.map((modes) => Int32Array.from(modes.flatMap((m, t) => (m === 'model' ? [t] : []))));
  const scratch = new Float64Array(width);
  const modelTopics = (langIndex: number): Int32Array => perLanguage[langIndex] ?? perLanguage[0] ?? new Int32Array(0);
  return {
    modelTopics,
    languageLogitsInto(langIndex, x, length, extra, extraCount, out) {
      const columns = modelTopics(langIndex);
      if (columns.length === 0) return;
      table.columnsInto(x, length, columns, out);
      for (let i = 0; i < extraCount; i++) {
        scratch.fill(0);
        table.addFeature(extra.indices[i]!, scratch, extra.values[i]!);
        for (let j = 0; j < columns.length; j++) out[columns[j]!]! += scratch[columns[j]!]!;
      }
    },
    topics: file.topics,
    modes: file.modes,
    gate: file.topics.indexOf(GATE_ID),
    domains: SUPPORTED_LANGUAGES.map((lang) => {
      const domain = file.domains?.find((d) => d.lang === lang);
      return domain && loadLinearModel(domain);
    }),
    ungated: file.ungated ?? 0,
    cutoffs: file.modes.map((_, l) => Float64Array.from(file.languageThresholds?.[l] ?? file.thresholds, (p) => Math.log(p / (1 - p)))),
    logitsInto(x, length, extra, extraCount, out) {
      table.scoresInto(x, length, out);
      for (let i = 0; i < extraCount; i++) table.addFeature(extra.indices[i]!, out, extra.values[i]!);
    },
  };
}

export function isTopicModelFile(v: unknown): v is TopicModelFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.format === 'earshot-topics-v1' &&
    Array.isArray(o.topics) &&
    Array.isArray(o.buckets) &&
    Array.isArray(o.weights) &&
    Array.isArray(o.thresholds) &&
    Array.isArray(o.modes) &&
    typeof o.scale === 'number'
  );
}

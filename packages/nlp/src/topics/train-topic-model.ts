// Trains the learned topic tagger: one logistic regression per topic (AdaGrad, fixed seed) over a
// TopicDataset, then per topic a decision rule chosen by inner cross-validation on the training
// rows only: the probability threshold with the best F1 on out-of-fold predictions and, per language,
// the model or the cue rule (where there are too few examples to learn from, or the cues did better). Rows are indices into the
// dataset, so cross-validation never copies or re-extracts features.

import { stratifiedFolds } from '../eval/stratified-folds.js';
import { mulberry32 } from '../sentiment/train-linear-model.js';
import { pruneAndQuantise } from '../sentiment/weight-table.js';
import { decideTopics } from './decide-topics.js';
import type { TopicDataset } from './topic-dataset.js';
import { languageIndex, TOPIC_FEATURE_BASE } from './topic-features.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { TOPIC_IDS } from './topic-cues.js';
import { loadTopicModel, type TopicMode, type TopicModel, type TopicModelFile } from './topic-model.js';
import { HASH_BITS } from '../sentiment/language-features.js';

export interface TopicTrainSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  maxFeatures: number;
  innerFolds: number;
  /** Below this many positive training rows a topic keeps its cue rule. */
  minPositives: number;
  /** Below this many positive rows in a language the topic keeps its cue rule there. */
  minLanguagePositives: number;
  /** A thin topic's cue rule is dropped in a language where it fired 10+ times and fewer than this share were right. */
  minCuePrecision: number;
  /** A topic with more examples whose best rule reaches less than this F1 in inner CV is not tagged. */
  minF1: number;
}

export const TOPIC_TRAIN_SETTINGS: TopicTrainSettings = { epochs: 12, learningRate: 0.1, l2: 1e-6, seed: 42, maxFeatures: 12_000, innerFolds: 4, minPositives: 20, minLanguagePositives: 10, minCuePrecision: 0.1, minF1: 0.2 };

const T = TOPIC_IDS.length;
const THRESHOLDS = Array.from({ length: 19 }, (_, i) => 0.05 * (i + 1));

/** Unpruned weights (dense feature id × topic) and biases trained on `rows`. */
function trainWeights(data: TopicDataset, rows: readonly number[], s: TopicTrainSettings): { w: Float32Array; bias: Float64Array } {
  const w = new Float32Array(data.buckets.length * T);
  const g2 = new Float32Array(data.buckets.length * T);
  const bias = new Float64Array(T);
  const bg2 = new Float64Array(T);
  const z = new Float64Array(T);
  const order = [...rows];
  const rand = mulberry32(s.seed);
  const { offsets, ids, values, labels } = data;
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const e of order) {
      const from = offsets[e]!; const to = offsets[e + 1]!;
      for (let t = 0; t < T; t++) z[t] = bias[t]!;
      for (let i = from; i < to; i++) {
        const row = ids[i]! * T; const v = values[i]!;
        for (let t = 0; t < T; t++) z[t]! += w[row + t]! * v;
      }
      const y = labels[e]!;
      for (let t = 0; t < T; t++) {
        const g = 1 / (1 + Math.exp(-z[t]!)) - ((y >> t) & 1);
        z[t] = g;
        bg2[t]! += g * g;
        bias[t]! -= (s.learningRate * g) / Math.sqrt(bg2[t]! + 1e-8);
      }
      for (let i = from; i < to; i++) {
        const row = ids[i]! * T; const v = values[i]!;
        for (let t = 0; t < T; t++) {
          const j = row + t;
          const grad = z[t]! * v + s.l2 * w[j]!;
          g2[j]! += grad * grad;
          w[j]! -= (s.learningRate * grad) / Math.sqrt(g2[j]! + 1e-8);
        }
      }
    }
  }
  return { w, bias };
}

function toFile(data: TopicDataset, rows: readonly number[], trained: { w: Float32Array; bias: Float64Array }, rule: { thresholds: number[]; modes: TopicMode[][] }, s: TopicTrainSettings): TopicModelFile {
  const { scale, buckets, weights } = pruneAndQuantise(trained.w, T, TOPIC_FEATURE_BASE, s.maxFeatures, (r) => data.buckets[r]!);
  const positives: Record<string, number> = {};
  TOPIC_IDS.forEach((id, t) => { positives[id] = rows.filter((e) => ((data.labels[e]! >> t) & 1) === 1).length; });
  return {
    format: 'earshot-topics-v1', topics: [...TOPIC_IDS], hashBits: HASH_BITS, scale,
    bias: [...trained.bias].map((b) => Number(b.toFixed(5))), buckets, weights,
    thresholds: rule.thresholds, modes: rule.modes, trainedOn: { examples: rows.length, positives, seed: s.seed },
  };
}

/** Logits of every topic for each row, by the (pruned, quantised) model as it ships. */
export function topicLogits(model: TopicModel, data: TopicDataset, rows: readonly number[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const e of rows) {
    const from = data.offsets[e]!; const to = data.offsets[e + 1]!;
    const x = { indices: Int32Array.from(data.ids.subarray(from, to), (id) => data.buckets[id]!), values: data.values.subarray(from, to) };
    const logits = new Float64Array(T);
    model.logitsInto(x, to - from, [], 0, logits);
    out.push(logits);
  }
  return out;
}

/** Tagged-topic mask of each row. */
export function predictTopicMasks(file: TopicModelFile, data: TopicDataset, rows: readonly number[]): number[] {
  const model = loadTopicModel(file);
  return topicLogits(model, data, rows).map((logits, i) => decideTopics(model, languageIndex(data.langs[rows[i]!]!), logits, data.cueMasks[rows[i]!]!));
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Folds for multi-label rows: stratified by each row's first topic (or none). */
export function topicFolds(data: TopicDataset, rows: readonly number[], k: number, seed: number): number[] {
  return stratifiedFolds(rows.map((e) => { const y = data.labels[e]!; return y === 0 ? 'none' : String(31 - Math.clz32(y & -y)); }), k, seed);
}

interface Counts { tp: number; fp: number; fn: number }
const count = (c: Counts, on: boolean, gold: boolean): void => { if (on && gold) c.tp++; else if (on) c.fp++; else if (gold) c.fn++; };
const f1Of = (c: Counts): number => f1(c.tp, c.fp, c.fn);

/**
 * How topic t is decided in one language, from inner out-of-fold results on that language's rows:
 * with enough examples, the better of model and cue rule (or neither, if both score below minF1);
 * too few to learn from, the cue rule, unless the cues clearly misfire on this language's texts.
 */
function chooseMode(model: Counts, cues: Counts, positives: number, topicPositives: number, s: TopicTrainSettings): TopicMode {
  if (topicPositives < s.minPositives || positives < s.minLanguagePositives) {
    const fired = cues.tp + cues.fp;
    return fired < 10 || cues.tp / fired >= s.minCuePrecision ? 'cues' : 'off';
  }
  const m = f1Of(model); const c = f1Of(cues);
  if (Math.max(m, c) < s.minF1) return 'off';
  return c > m ? 'cues' : 'model';
}

/**
 * Trains on `rows` and chooses each topic's threshold and per-language rule by inner
 * cross-validation on `rows` only; the scored fold of an outer cross-validation is never among them.
 */
export function fitTopicModel(data: TopicDataset, rows: readonly number[], s: TopicTrainSettings = TOPIC_TRAIN_SETTINGS): TopicModelFile {
  const folds = topicFolds(data, rows, s.innerFolds, s.seed + 1);
  const probs = new Float64Array(rows.length * T);
  const noRule = { thresholds: new Array<number>(T).fill(0.5), modes: [new Array<TopicMode>(T).fill('model')] };
  for (let f = 0; f < s.innerFolds; f++) {
    const train = rows.filter((_, i) => folds[i] !== f);
    const testIdx = rows.flatMap((_, i) => (folds[i] === f ? [i] : []));
    const model = loadTopicModel(toFile(data, train, trainWeights(data, train, s), noRule, s));
    topicLogits(model, data, testIdx.map((i) => rows[i]!)).forEach((logits, j) => {
      for (let t = 0; t < T; t++) probs[testIdx[j]! * T + t] = 1 / (1 + Math.exp(-logits[t]!));
    });
  }
  const gold = (i: number, t: number): boolean => ((data.labels[rows[i]!]! >> t) & 1) === 1;
  const cue = (i: number, t: number): boolean => ((data.cueMasks[rows[i]!]! >> t) & 1) === 1;
  const thresholds: number[] = [];
  for (let t = 0; t < T; t++) {
    let best = { threshold: 0.5, f1: -1 };
    for (const th of THRESHOLDS) {
      const c: Counts = { tp: 0, fp: 0, fn: 0 };
      for (let i = 0; i < rows.length; i++) count(c, probs[i * T + t]! >= th, gold(i, t));
      if (f1Of(c) >= best.f1) best = { threshold: th, f1: f1Of(c) };
    }
    thresholds.push(Number(best.threshold.toFixed(2)));
  }
  const modes = SUPPORTED_LANGUAGES.map((lang) => TOPIC_IDS.map((_, t) => {
    const model: Counts = { tp: 0, fp: 0, fn: 0 }; const cues: Counts = { tp: 0, fp: 0, fn: 0 };
    let positives = 0; let topicPositives = 0;
    for (let i = 0; i < rows.length; i++) {
      const g = gold(i, t);
      if (g) topicPositives++;
      if (data.langs[rows[i]!] !== lang) continue;
      if (g) positives++;
      count(model, probs[i * T + t]! >= thresholds[t]!, g);
      count(cues, cue(i, t), g);
    }
    return chooseMode(model, cues, positives, topicPositives, s);
  }));
  return toFile(data, rows, trainWeights(data, rows, s), { thresholds, modes }, s);
}

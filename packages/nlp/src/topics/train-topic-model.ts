// Trains the learned topic tagger: one logistic regression per topic (AdaGrad, fixed seed) over a
// TopicDataset, then per topic a decision rule chosen by inner cross-validation on the training
// rows only: the probability threshold with the best F1 on out-of-fold predictions and, per language,
// the model or the cue rule (where there are too few examples to learn from, or the cues did better). Rows are indices into the
// dataset, so cross-validation never copies or re-extracts features. A last column, the gate
// (topic-model.ts GATE_ID: "some topic"), is trained and decided the same way.

import { stratifiedFolds } from '../eval/stratified-folds.js';
import { mulberry32 } from '../sentiment/train-linear-model.js';
import { pruneAndQuantise } from '../sentiment/weight-table.js';
import { decideTopics } from './decide-topics.js';
import { inPieces } from './mention-pieces.js';
import type { TopicDataset } from './topic-dataset.js';
import { languageIndex, TOPIC_FEATURE_BASE } from './topic-features.js';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../types.js';
import { TOPIC_IDS } from './topic-cues.js';
import { GATE_ID, loadTopicModel, type LanguageWeights, type TopicMode, type TopicModel, type TopicModelFile, ungatedMasks } from './topic-model.js';
import { HASH_BITS } from '../sentiment/language-features.js';

export interface TopicTrainSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Feature buckets the shared weights keep (the strongest; pruneAndQuantise). */
  maxFeatures: number;
  /**
   * Feature buckets a language's own weights keep (fitTopicModelGroups). Russian's 13,000 and Kazakh's 4,650
   * rows spread over more words than 12,000 buckets hold: 24,000 raised micro F1 on six fold seeds
   * of six; 48,000 gave no more than the spread between fold seeds (ROUNDS.md rounds 38 and 41).
   */
  ownMaxFeatures: number;
  innerFolds: number;
  /**
   * Below this many positive training rows a topic keeps its cue rule. 10 since round 39 (20 before):
   * Russian privacy, 13 texts, is learned; with the gate per language (ungatedPositives) that raised
   * micro F1 on six fold seeds of six.
   */
  minPositives: number;
  /** Below this many positive rows in a language the topic keeps its cue rule there. */
  minLanguagePositives: number;
  /**
   * A topic thin in a language (its cue rule decides there) and with fewer than this many examples in
   * all keeps that cue rule whatever the gate says: the gate learned little from so few. Counted apart
   * from minPositives, so that a topic can be learned where it has examples (Russian privacy) and stay
   * ungated where it has none (English privacy, on news of data breaches). ROUNDS.md round 39.
   */
  ungatedPositives: number;
  /** A thin topic's cue rule is dropped in a language where it fired 10+ times and fewer than this share were right. */
  minCuePrecision: number;
  /** A topic with more examples whose best rule reaches less than this F1 in inner CV is not tagged. */
  minF1: number;
  /** Thresholds and rules are chosen by F-beta: below 1 weighs precision above recall. */
  beta: number;
  /** With at least this many positive rows in a language, the topic gets its own threshold there. */
  languageThresholdPositives: number;
  /** A learned rule whose inner-CV precision in a language stays below this is turned off there. */
  minPrecision: number;
  /** A thin topic's cue rule needs this many firings before its precision can turn it off. */
  minCueFires: number;
  /** Loss weight of a positive row (class balance: positives are rare). */
  positiveWeight: number;
  /** 1: also learn from the sentiment model's dense features (lexicon scores, shared by all languages); 0: not. */
  sentimentDense: number;
  /** 1: the gate column decides, per language by inner CV, whether a text gets learned topics at all; 0: the gate is off. */
  gate: number;
  /** Weight of a naive Bayes log-count ratio added to each topic's learned weights (0: none); see addNaiveBayes. */
  nbWeight: number;
  /** Additive smoothing of those counts, as a share of the average feature's mass. */
  nbAlpha: number;
  /**
   * A language with at least this many labeled rows (shared topic texts and ours, train-topics.ts)
   * gets a model of its own (ownModelLanguages); the others share one. Infinity: one shared model.
   * 3,000 keeps Hebrew's 2,000 and English's 1,984 shared, Kazakh's and Russian's 5,000+ own (ROUNDS.md
   * round 38; 2,000 until then, which gave Hebrew's 2,000 a model of their own that no CV had measured).
   */
  ownModelRows: number;
  /**
   * 1: where a language has languageThresholdPositives examples of a topic, its rule (model, cues or
   * none) is chosen for the micro F1 of all topics together (microUtility); 0: by the topic's own
   * F-beta, minF1 and minPrecision, as it still is where the examples are fewer.
   */
  micro: number;
  /**
   * Times each Kazakh shared topic text is read per epoch, where each row of ours is read once: the
   * shared texts weigh more against Kazakh's 4,650 rows of ours (ROUNDS.md round 36; Russian and English lost by it).
   */
  kazakhTextCopies: number;
}

// Issue 10 round 2 (ROUNDS.md): per-language thresholds from 20 positives, thin cue rules off after 3
// firings under 30% right, l2 1e-5 — each measured by nested CV (scripts/cv-topics.ts --set=…).
export const TOPIC_TRAIN_SETTINGS: TopicTrainSettings = {
  epochs: 12,
  learningRate: 0.1,
  l2: 1e-5,
  seed: 42,
  maxFeatures: 12_000,
  ownMaxFeatures: 24_000,
  innerFolds: 4,
  minPositives: 10,
  minLanguagePositives: 10,
  ungatedPositives: 20,
  minCuePrecision: 0.3,
  minF1: 0.2,
  beta: 1,
  languageThresholdPositives: 20,
  minPrecision: 0,
  minCueFires: 3,
  positiveWeight: 1,
  sentimentDense: 1,
  gate: 1,
  nbWeight: 0,
  nbAlpha: 0.1,
  ownModelRows: 3000,
  micro: 1,
  kazakhTextCopies: 2,
};

/** The topics' columns and, last, the gate's. */
const COLUMNS = [...TOPIC_IDS, GATE_ID];
const T = COLUMNS.length;
const G = TOPIC_IDS.length;
/** Gold bits of a row with the gate's bit (some topic) added; the same for cue bits. */
const withGate = (bits: number): number => (bits === 0 ? 0 : bits | (1 << G));
const THRESHOLDS = Array.from({ length: 19 }, (_, i) => 0.05 * (i + 1));

/** The rows an epoch reads: the shared topic texts, the Kazakh ones kazakhTextCopies times, then the rows of ours. */
function epochRows(data: TopicDataset, rows: readonly number[], extra: readonly number[], s: TopicTrainSettings): number[] {
  const kazakh = rows.filter((e) => data.langs[e] === 'kk');
  return [...rows, ...Array.from({ length: Math.max(0, s.kazakhTextCopies - 1) }, () => kazakh).flat(), ...extra];
}

/** Unpruned weights (dense feature id × topic) and biases trained on `rows`. */
function trainWeights(data: TopicDataset, rows: readonly number[], s: TopicTrainSettings): { w: Float32Array; bias: Float64Array } {
  const w = new Float32Array(data.buckets.length * T);
  const g2 = new Float32Array(data.buckets.length * T);
  const bias = new Float64Array(T);
  const bg2 = new Float64Array(T);
  const z = new Float64Array(T);
  const order = [...rows];
  const rand = mulberry32(s.seed);
  const { offsets, ids, values: raw, labels } = data;
  const dense = (b: number): boolean => b >= 1 << HASH_BITS && b < TOPIC_FEATURE_BASE;
  const values = s.sentimentDense ? raw : raw.map((v, i) => (dense(data.buckets[ids[i]!]!) ? 0 : v));
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order) {
      const from = offsets[e]!;
      const to = offsets[e + 1]!;
      for (let t = 0; t < T; t++) z[t] = bias[t]!;
      for (let i = from; i < to; i++) {
        const row = ids[i]! * T;
        const v = values[i]!;
        for (let t = 0; t < T; t++) z[t]! += w[row + t]! * v;
      }
      const y = withGate(labels[e]!);
      for (let t = 0; t < T; t++) {
        const positive = (y >> t) & 1;
        const g = (1 / (1 + Math.exp(-z[t]!)) - positive) * (positive === 1 ? s.positiveWeight : 1);
        z[t] = g;
        bg2[t]! += g * g;
        bias[t]! -= (s.learningRate * g) / Math.sqrt(bg2[t]! + 1e-8);
      }
      for (let i = from; i < to; i++) {
        const row = ids[i]! * T;
        const v = values[i]!;
        for (let t = 0; t < T; t++) {
          const j = row + t;
          const grad = z[t]! * v + s.l2 * w[j]!;
          g2[j]! += grad * grad;
          w[j]! -= (s.learningRate * grad) / Math.sqrt(g2[j]! + 1e-8);
        }
      }
    }
  }
  if (s.nbWeight) addNaiveBayes(w, data, rows, s, dense);
  return { w, bias };
}

/**
 * Adds `nbWeight ×` each column's naive Bayes log-count ratio (rows with vs. without the topic, each
 * side weighted to the same total) to the sparse features' weights: a rare but one-sided word counts
 * for more than the regularised regression gives it (as for sentiment, train-linear-model.ts).
 */
function addNaiveBayes(w: Float32Array, data: TopicDataset, rows: readonly number[], s: TopicTrainSettings, dense: (b: number) => boolean): void {
  const n = data.buckets.length;
  for (let t = 0; t < T; t++) {
    const has = rows.map((e) => ((withGate(data.labels[e]!) >> t) & 1) === 1);
    const positives = has.filter(Boolean).length;
    if (positives === 0 || positives === rows.length) continue;
    const mass = [new Float64Array(n), new Float64Array(n)];
    const total = [0, 0];
    rows.forEach((e, r) => {
      const side = has[r] ? 1 : 0;
      const scale = 1 / (side ? positives : rows.length - positives);
      for (let i = data.offsets[e]!; i < data.offsets[e + 1]!; i++) {
        if (dense(data.buckets[data.ids[i]!]!)) continue;
        const v = data.values[i]! * scale;
        mass[side]![data.ids[i]!]! += v;
        total[side]! += v;
      }
    });
    let seen = 0;
    for (let j = 0; j < n; j++) if (mass[0]![j]! + mass[1]![j]! > 0) seen++;
    const a = (s.nbAlpha * (total[0]! + total[1]!)) / 2 / seen;
    for (let j = 0; j < n; j++) {
      if (mass[0]![j]! + mass[1]![j]! === 0) continue;
      const ratio = Math.log((mass[1]![j]! + a) / (total[1]! + a * seen)) - Math.log((mass[0]![j]! + a) / (total[0]! + a * seen));
      w[j * T + t]! += s.nbWeight * ratio;
    }
  }
}

function toFile(
  data: TopicDataset,
  rows: readonly number[],
  trained: { w: Float32Array; bias: Float64Array },
  rule: { thresholds: number[]; languageThresholds?: number[][]; modes: TopicMode[][] },
  s: TopicTrainSettings,
): TopicModelFile {
  const { scale, buckets, weights } = pruneAndQuantise(trained.w, T, TOPIC_FEATURE_BASE, s.maxFeatures, (r) => data.buckets[r]!);
  const positives: Record<string, number> = {};
  COLUMNS.forEach((id, t) => {
    positives[id] = rows.filter((e) => ((withGate(data.labels[e]!) >> t) & 1) === 1).length;
  });
  return {
    format: 'earshot-topics-v1',
    topics: [...COLUMNS],
    hashBits: HASH_BITS,
    scale,
    bias: [...trained.bias].map((b) => Number(b.toFixed(5))),
    buckets,
    weights,
    thresholds: rule.thresholds,
    ...(rule.languageThresholds ? { languageThresholds: rule.languageThresholds } : {}),
    modes: rule.modes,
    ...(data.domains ? { domains: data.domains } : {}),
    ...(data.feedItems ? { feedItems: data.feedItems } : {}),
    trainedOn: { examples: rows.length, positives, seed: s.seed },
  };
}

const NO_EXTRA = { indices: [], values: [] };

/** Logits of every topic for each row, by the (pruned, quantised) model as it ships. */
export function topicLogits(model: TopicModel, data: TopicDataset, rows: readonly number[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const e of rows) {
    const from = data.offsets[e]!;
    const to = data.offsets[e + 1]!;
    const x = { indices: Int32Array.from(data.ids.subarray(from, to), (id) => data.buckets[id]!), values: data.values.subarray(from, to) };
    const logits = new Float64Array(T);
    model.logitsInto(languageIndex(data.langs[e]!), x, to - from, NO_EXTRA, 0, logits);
    out.push(logits);
  }
  return out;
}

/** Tagged-topic mask of each row: as the tagger decides, a long text's the union of its pieces' (mention-pieces.ts) where the dataset has them. */
export function predictTopicMasks(file: TopicModelFile, data: TopicDataset, rows: readonly number[]): number[] {
  const model = loadTopicModel(file);
  return rows.map((e) => {
    const feedItem = data.feedItemProbability?.[e];
    const of = data.pieces?.of[e] ?? [];
    // A text judged in pieces is scored by its pieces only (never by its own logits); else by itself.
    const [scored, scoredRows] = of.length > 0 && inPieces(feedItem ?? 0) ? [data.pieces!.data, of] : [data, [e]];
    const lang = languageIndex(data.langs[e]!);
    return topicLogits(model, scored, scoredRows).reduce(
      (mask, logits, p) => mask | decideTopics(model, lang, logits, scored.cueMasks[scoredRows[p]!]!, feedItem),
      0,
    );
  });
}

function fBeta(tp: number, fp: number, fn: number, beta: number): number {
  const b2 = beta * beta;
  return tp === 0 ? 0 : ((1 + b2) * tp) / ((1 + b2) * tp + b2 * fn + fp);
}

/** Folds for multi-label rows: stratified by each row's first topic (or none). */
export function topicFolds(data: TopicDataset, rows: readonly number[], k: number, seed: number): number[] {
  return stratifiedFolds(
    rows.map((e) => {
      const y = data.labels[e]!;
      return y === 0 ? 'none' : String(31 - Math.clz32(y & -y));
    }),
    k,
    seed,
  );
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const count = (c: Counts, on: boolean, gold: boolean): void => {
  if (on && gold) c.tp++;
  else if (on) c.fp++;
  else if (gold) c.fn++;
};
const precisionOf = (c: Counts): number => (c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp));

/** Too few examples to learn the topic from in a language (`positives` there, `topicPositives` in all): its cue rule decides. */
function isThin(positives: number, topicPositives: number, s: TopicTrainSettings): boolean {
  return topicPositives < s.minPositives || positives < s.minLanguagePositives;
}

/**
 * How topic t is decided in one language, from inner out-of-fold results on that language's rows:
 * with enough examples, the better of model and cue rule by F-beta (or neither, if both score below
 * minF1 or the better one's precision is below minPrecision), or, given the micro F1 of all topics and
 * enough examples in the language to judge precision, the one that adds most to it (or neither, if
 * both take from it); too few to learn from, the cue rule, unless the cues clearly misfire on this
 * language's texts.
 */
function chooseMode(model: Counts, cues: Counts, positives: number, topicPositives: number, s: TopicTrainSettings, microF1: number | null): TopicMode {
  if (isThin(positives, topicPositives, s)) {
    const fired = cues.tp + cues.fp;
    return fired < s.minCueFires || cues.tp / fired >= s.minCuePrecision ? 'cues' : 'off';
  }
  // Precision judged on fewer examples is too noisy to weigh against the other topics: English
  // delivery (11) would lose its cue rule, whose misfires on film reviews make it look worse than it is on mentions.
  if (microF1 !== null && positives >= s.languageThresholdPositives) {
    const m = microUtility(model, microF1);
    const c = microUtility(cues, microF1);
    return Math.max(m, c) <= 0 ? 'off' : c > m ? 'cues' : 'model';
  }
  const m = fBeta(model.tp, model.fp, model.fn, s.beta);
  const c = fBeta(cues.tp, cues.fp, cues.fn, s.beta);
  if (Math.max(m, c) < s.minF1) return 'off';
  const best = c > m ? cues : model;
  if (precisionOf(best) < s.minPrecision) return 'off';
  return c > m ? 'cues' : 'model';
}

/**
 * What one topic's rule adds to the micro F1 of all topics, F = 2·TP / (TP + FP + positives): with the
 * other topics' counts fixed, F rises with this rule's tp and fp exactly when tp·(2 − F) − fp·F rises
 * (Dinkelbach's form of a ratio's maximum), so a rule helps when its precision beats F / 2, whatever
 * F1 the topic reaches on its own. Round 26: Russian trust, right 4 times in 45, had passed minF1.
 * (Thresholds stay chosen by each topic's F-beta: chosen by this, they let English quality tag more
 * and measured no better.)
 */
function microUtility(c: Counts, microF1: number): number {
  return c.tp * (2 - microF1) - c.fp * microF1;
}

/** The threshold with the best F-beta on the given rows' out-of-fold probabilities of topic t. */
function bestThreshold(probs: Float64Array, t: number, idx: readonly number[], gold: (i: number, t: number) => boolean, beta: number): number {
  let best = { threshold: 0.5, score: -1 };
  for (const th of THRESHOLDS) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const i of idx) count(c, probs[i * T + t]! >= th, gold(i, t));
    const score = fBeta(c.tp, c.fp, c.fn, beta);
    if (score >= best.score) best = { threshold: th, score };
  }
  return Number(best.threshold.toFixed(2));
}

/**
 * Trains on `rows` and chooses each topic's threshold and per-language rule by inner
 * cross-validation on `rows` only; the scored fold of an outer cross-validation is never among them.
 * `extra` rows (train-topics.ts: texts labeled by us, not the shared topic texts) are added to
 * every training part and never scored, so the thresholds and rules are chosen on `rows` alone.
 */
export function fitTopicModel(
  data: TopicDataset,
  rows: readonly number[],
  s: TopicTrainSettings = TOPIC_TRAIN_SETTINGS,
  extra: readonly number[] = [],
  /** Per column, how many examples the topic has in all scored rows (fitTopicModelGroups: every language's, not this fit's only): what makes a topic thin. */
  topicPositives?: readonly number[],
): TopicModelFile {
  const folds = topicFolds(data, rows, s.innerFolds, s.seed + 1);
  const probs = new Float64Array(rows.length * T);
  const noRule = { thresholds: new Array<number>(T).fill(0.5), modes: [new Array<TopicMode>(T).fill('model')] };
  for (let f = 0; f < s.innerFolds; f++) {
    const train = rows.filter((_, i) => folds[i] !== f);
    const testIdx = rows.flatMap((_, i) => (folds[i] === f ? [i] : []));
    const model = loadTopicModel(toFile(data, [...train, ...extra], trainWeights(data, epochRows(data, train, extra, s), s), noRule, s));
    topicLogits(
      model,
      data,
      testIdx.map((i) => rows[i]!),
    ).forEach((logits, j) => {
      for (let t = 0; t < T; t++) probs[testIdx[j]! * T + t] = 1 / (1 + Math.exp(-logits[t]!));
    });
  }
  const gold = (i: number, t: number): boolean => ((withGate(data.labels[rows[i]!]!) >> t) & 1) === 1;
  const cue = (i: number, t: number): boolean => ((withGate(data.cueMasks[rows[i]!]!) >> t) & 1) === 1;
  const all = rows.map((_, i) => i);
  const positivesOf = (t: number): number => topicPositives?.[t] ?? all.filter((i) => gold(i, t)).length;
  const byLang = SUPPORTED_LANGUAGES.map((lang) => all.filter((i) => data.langs[rows[i]!] === lang));
  const thresholds = COLUMNS.map((_, t) => bestThreshold(probs, t, all, gold, s.beta));
  const languageThresholds = byLang.map((idx) =>
    COLUMNS.map((_, t) => {
      const positives = idx.filter((i) => gold(i, t)).length;
      return positives >= s.languageThresholdPositives ? bestThreshold(probs, t, idx, gold, s.beta) : thresholds[t]!;
    }),
  );
  // Per language and column, the inner out-of-fold counts of the model at its threshold and of the
  // cue rule, and the positives: what every choice of rules below is judged by, counted once.
  const tallies = byLang.map((idx, l) =>
    COLUMNS.map((_, t) => {
      const model: Counts = { tp: 0, fp: 0, fn: 0 };
      const cues: Counts = { tp: 0, fp: 0, fn: 0 };
      let positives = 0;
      for (const i of idx) {
        const g = gold(i, t);
        if (g) positives++;
        count(model, probs[i * T + t]! >= languageThresholds[l]![t]!, g);
        count(cues, cue(i, t), g);
      }
      return { model, cues, positives };
    }),
  );
  // Each language's rules, chosen by the topic's own F-beta (microF1 null) or for the micro F1 of
  // all topics at that F1 (microUtility); the gate column always by F-beta.
  const chooseModes = (microF1: number | null): TopicMode[][] =>
    tallies.map((columns) =>
      columns.map(({ model, cues, positives }, t): TopicMode => {
        if (t === G && !s.gate) return 'off';
        return chooseMode(model, cues, positives, positivesOf(t), s, t === G ? null : microF1);
      }),
    );
  // The inner out-of-fold micro F1 of the topics (gate aside) under a choice of rules.
  const microF1Of = (modes: TopicMode[][]): number => {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    tallies.forEach((columns, l) => {
      for (let t = 0; t < G; t++) {
        const { model, cues, positives } = columns[t]!;
        const mode = modes[l]![t];
        const chosen = mode === 'model' ? model : mode === 'cues' ? cues : { tp: 0, fp: 0, fn: positives };
        c.tp += chosen.tp;
        c.fp += chosen.fp;
        c.fn += chosen.fn;
      }
    });
    return c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  };
  let modes = chooseModes(null);
  if (s.micro) {
    // Dinkelbach's iteration: each choice at the last one's F1 reaches at least that F1; a few rounds settle it.
    let f1 = microF1Of(modes);
    for (let round = 0; round < 10; round++) {
      modes = chooseModes(f1);
      const next = microF1Of(modes);
      if (Math.abs(next - f1) < 1e-4) break;
      f1 = next;
    }
  }
  const trained = [...rows, ...extra];
  const file = toFile(data, trained, trainWeights(data, epochRows(data, rows, extra, s), s), { thresholds, languageThresholds, modes }, s);
  // Per language, the thin topics with few examples in all keep their cue rules whatever the gate says (ungatedPositives).
  const ungated = (positives: number, t: number): boolean => isThin(positives, positivesOf(t), s) && positivesOf(t) < s.ungatedPositives;
  file.ungated = tallies.map((columns) => TOPIC_IDS.reduce((m, _, t) => (ungated(columns[t]!.positives, t) ? m | (1 << t) : m), 0));
  return file;
}

/**
 * The languages with at least `ownModelRows` labeled rows (`rows` and `extra` of that language): those
 * fitTopicModelGroups fits on their own rows. Decided once on all the rows a cross-validation has, not
 * per training part, so that the parts are grouped as the shipped fit is: counted per part, a language
 * just over the bar (Hebrew's 2,000 rows in round 37) was shared in every part (1,900) and alone when shipped.
 */
export function ownModelLanguages(data: TopicDataset, rows: readonly number[], s: TopicTrainSettings, extra: readonly number[] = []): SupportedLanguage[] {
  const count = new Map<string, number>();
  for (const i of [...rows, ...extra]) count.set(data.langs[i]!, (count.get(data.langs[i]!) ?? 0) + 1);
  return SUPPORTED_LANGUAGES.filter((lang) => (count.get(lang) ?? 0) >= Math.max(1, s.ownModelRows));
}

/**
 * The model as it ships: each language of `own` (by default ownModelLanguages: those with at least
 * `ownModelRows` labeled rows) fitted on its rows alone, keeping `ownMaxFeatures` buckets, the other
 * languages on theirs together (fitTopicModel each), merged into one file: the shared fit's weights, the own fits' as languageWeights, and each
 * language's modes and thresholds from the fit that covered it. Kazakh's and
 * Russian's thousands of rows of ours (train-topics.ts) outweighed the other languages in one shared model,
 * and English lost what they gave the others (ROUNDS.md round 25).
 */
export function fitTopicModelGroups(
  data: TopicDataset,
  rows: readonly number[],
  s: TopicTrainSettings = TOPIC_TRAIN_SETTINGS,
  extra: readonly number[] = [],
  /** The languages fitted alone; a cross-validation passes those of all its rows to every training part (topic-cv.ts). */
  own: readonly SupportedLanguage[] = ownModelLanguages(data, rows, s, extra),
): TopicModelFile {
  const ofLangs = (langs: readonly string[]) => (i: number) => langs.includes(data.langs[i]!);
  // A topic is thin by its examples in every language, as with one shared model: splitting the fits must not make delivery thin.
  const topicPositives = COLUMNS.map((_, t) => rows.filter((i) => ((withGate(data.labels[i]!) >> t) & 1) === 1).length);
  const fitOn = (langs: readonly string[], settings = s): TopicModelFile =>
    fitTopicModel(data, rows.filter(ofLangs(langs)), settings, extra.filter(ofLangs(langs)), topicPositives);
  const rest = SUPPORTED_LANGUAGES.filter((lang) => !own.includes(lang));
  // Without rows in the other languages, the shared weights are every language's (they then serve none that has rows).
  const base = fitOn(rows.some(ofLangs(rest)) ? rest : SUPPORTED_LANGUAGES);
  if (own.length === 0) return base;
  const cutoffsOf = (file: TopicModelFile, l: number): number[] => file.languageThresholds?.[l] ?? file.thresholds;
  const languageThresholds = SUPPORTED_LANGUAGES.map((_, l) => cutoffsOf(base, l));
  const modes = base.modes.map((m) => [...m]);
  const ungated = ungatedMasks(base);
  const languageWeights: LanguageWeights[] = [];
  const positives = { ...base.trainedOn.positives };
  let examples = base.trainedOn.examples;
  for (const lang of own) {
    const l = SUPPORTED_LANGUAGES.indexOf(lang);
    const fit = fitOn([lang], { ...s, maxFeatures: s.ownMaxFeatures });
    languageWeights.push({ lang, scale: fit.scale, bias: fit.bias, buckets: fit.buckets, weights: fit.weights });
    modes[l] = fit.modes[l]!;
    ungated[l] = ungatedMasks(fit)[l]!;
    languageThresholds[l] = cutoffsOf(fit, l);
    examples += fit.trainedOn.examples;
    for (const [topic, n] of Object.entries(fit.trainedOn.positives)) positives[topic] = (positives[topic] ?? 0) + n;
  }
  return { ...base, modes, ungated, languageThresholds, languageWeights, trainedOn: { examples, positives, seed: s.seed } };
}

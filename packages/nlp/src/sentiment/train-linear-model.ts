// Trains the per-language sentiment model: multinomial logistic regression with AdaGrad over the
// hashed features, classes weighted to balance, fixed seed, then pruned to the strongest buckets
// and quantised so the committed file stays small. Deterministic: same data, same file.

import type { SentimentLabel } from '../types.js';
import type { SparseVector } from './extract-features.js';
import type { LinearModelFile } from './linear-model.js';
import { pruneAndQuantise } from './weight-table.js';

/** C: the class names; sentiment labels unless `classOrder` names others (topics/text-domains.ts). */
export interface TrainOptions<C extends string = SentimentLabel> {
  lang: string;
  /** weight: how much the example counts (default 1), e.g. below 1 for rows of another domain. */
  examples: { x: SparseVector; label: C; weight?: number }[];
  /** The classes in the model's order (default: negative, neutral, positive); those no example has are left out. */
  classOrder?: readonly C[];
  hashBits: number;
  denseCount: number;
  seed?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Extra weight of a class on top of balancing (e.g. { neutral: 1.3 }). */
  classBoost?: Partial<Record<C, number>>;
  /** Buckets kept after training (strongest first). */
  maxFeatures?: number;
  /**
   * Adds this multiple of a multinomial naive Bayes model's log-probabilities (centred per bucket)
   * to the trained weights: the product of the two models' probabilities, still one linear model
   * (Wang & Manning 2012 combine the two the other way round). 0 or absent: none.
   */
  nbWeight?: number;
  /** Rows the naive Bayes model is counted from (default: `examples`); classes they lack get none. */
  nbExamples?: TrainOptions<C>['examples'];
  /** Additive smoothing of the naive Bayes counts, relative to an average bucket's mass (default 0.1). */
  nbAlpha?: number;
}

const LABEL_ORDER: SentimentLabel[] = ['negative', 'neutral', 'positive'];

export function trainLinearModel<C extends string = SentimentLabel>(options: TrainOptions<C>): LinearModelFile<C> {
  const { examples, hashBits, denseCount } = options;
  const seed = options.seed ?? 42;
  const epochs = options.epochs ?? 20;
  const lr = options.learningRate ?? 0.05;
  const l2 = options.l2 ?? 1e-6;
  const maxFeatures = options.maxFeatures ?? 30_000;

  const counts: Record<string, number> = {};
  for (const e of examples) counts[e.label] = (counts[e.label] ?? 0) + (e.weight ?? 1);
  const classes = (options.classOrder ?? (LABEL_ORDER as readonly string[] as readonly C[])).filter((l) => (counts[l] ?? 0) > 0);
  const k = classes.length;
  const total = classes.reduce((sum, c) => sum + counts[c]!, 0);
  const classWeight = classes.map((c) => (total / (k * (counts[c] ?? 1))) * (options.classBoost?.[c] ?? 1));
  const size = (1 << hashBits) + denseCount;
  const w = new Float32Array(size * k);
  const g2 = new Float32Array(size * k);
  const bias = new Float64Array(k);
  const bg2 = new Float64Array(k);
  const rand = mulberry32(seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(k);

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, rand);
    for (const idx of order) {
      const { x, label, weight } = examples[idx]!;
      const y = classes.indexOf(label);
      for (let c = 0; c < k; c++) {
        let s = bias[c]!;
        for (let i = 0; i < x.indices.length; i++) s += w[x.indices[i]! * k + c]! * x.values[i]!;
        z[c] = s;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp(z[c]! - max);
        sum += z[c]!;
      }
      const cw = classWeight[y]! * (weight ?? 1);
      for (let c = 0; c < k; c++) {
        const g = cw * (z[c]! / sum - (c === y ? 1 : 0));
        bg2[c]! += g * g;
        bias[c]! -= (lr * g) / Math.sqrt(bg2[c]! + 1e-8);
        for (let i = 0; i < x.indices.length; i++) {
          const j = x.indices[i]! * k + c;
          const grad = g * x.values[i]! + l2 * w[j]!;
          g2[j]! += grad * grad;
          w[j]! -= (lr * grad) / Math.sqrt(g2[j]! + 1e-8);
        }
      }
    }
  }
  if (options.nbWeight) addNaiveBayes(w, options.nbExamples ?? examples, classes, 1 << hashBits, options.nbWeight, options.nbAlpha ?? 0.1);
  return prune({ options, classes, w, bias, k, size, maxFeatures, counts, seed });
}

/**
 * w[j·k + c] += weight · (log θ_cj − its mean over the classes), θ_c from class c's feature mass
 * (each class's rows weighted to the same total, as the logistic regression balances them).
 * Centring changes no prediction (softmax ignores what every class gets alike) and leaves buckets
 * no class prefers near 0, so pruning still keeps the informative ones. Dense features are skipped.
 */
function addNaiveBayes<C extends string>(
  w: Float32Array,
  examples: TrainOptions<C>['examples'],
  classes: C[],
  hashed: number,
  weight: number,
  alpha: number,
): void {
  const k = classes.length;
  // Rows of a class the model does not have (neutral rows for a binary model) say nothing here.
  const ownRows = examples.filter((e) => classes.includes(e.label));
  const rowsOf = new Float64Array(k);
  for (const e of ownRows) rowsOf[classes.indexOf(e.label)]! += e.weight ?? 1;
  const present = classes.map((_, c) => rowsOf[c]! > 0);
  const kp = present.filter(Boolean).length;
  const mass = new Map<number, Float64Array>();
  const classMass = new Float64Array(k);
  for (const e of ownRows) {
    const c = classes.indexOf(e.label);
    const scale = (e.weight ?? 1) / rowsOf[c]!;
    for (let i = 0; i < e.x.indices.length; i++) {
      const j = e.x.indices[i]!;
      if (j >= hashed) continue;
      let m = mass.get(j);
      if (!m) mass.set(j, (m = new Float64Array(k)));
      m[c]! += e.x.values[i]! * scale;
      classMass[c]! += e.x.values[i]! * scale;
    }
  }
  const seen = mass.size;
  const a = (alpha * classMass.reduce((x, y) => x + y, 0)) / kp / seen;
  const logs = new Float64Array(k);
  for (const [j, m] of mass) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      if (!present[c]) continue;
      logs[c] = Math.log((m[c]! + a) / (classMass[c]! + a * seen));
      sum += logs[c]!;
    }
    for (let c = 0; c < k; c++) if (present[c]) w[j * k + c]! += weight * (logs[c]! - sum / kp);
  }
}

function prune<C extends string>(p: {
  options: TrainOptions<C>;
  classes: C[];
  w: Float32Array;
  bias: Float64Array;
  k: number;
  size: number;
  maxFeatures: number;
  counts: Record<string, number>;
  seed: number;
}): LinearModelFile<C> {
  const { scale, buckets, weights } = pruneAndQuantise(p.w, p.k, 1 << p.options.hashBits, p.maxFeatures);
  return {
    format: 'earshot-linear-v1',
    lang: p.options.lang,
    classes: p.classes,
    hashBits: p.options.hashBits,
    denseCount: p.options.denseCount,
    scale,
    bias: [...p.bias].map((b) => Number(b.toFixed(5))),
    buckets,
    weights,
    trainedOn: { examples: p.options.examples.length, counts: p.counts, seed: p.seed },
  };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `arr` in place (Fisher–Yates) with the seeded `rand`. */
export function shuffle<T>(arr: T[], rand: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j]!, arr[i]!];
  }
}

/** A seeded random permutation of `items` (a shuffled copy; `items` is left as it is). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  shuffle(out, mulberry32(seed));
  return out;
}

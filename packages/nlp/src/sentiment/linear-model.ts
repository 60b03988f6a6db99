// A multinomial logistic-regression model over hashed features, in the compact form committed as
// packages/nlp/models/<lang>.json: only the buckets that matter, weights quantised to integers.

import type { SentimentLabel } from '../types.js';
import type { SparseVector } from './extract-features.js';

export interface LinearModelFile {
  format: 'earshot-linear-v1';
  lang: string;
  classes: SentimentLabel[];
  hashBits: number;
  denseCount: number;
  /** Weight = quantised value × scale. */
  scale: number;
  bias: number[];
  /** Feature bucket numbers, ascending, delta-encoded. */
  buckets: number[];
  /** Quantised weights, classes.length per bucket. */
  weights: number[];
  trainedOn: { examples: number; counts: Record<string, number>; seed: number };
}

export interface LinearModel {
  lang: string;
  classes: SentimentLabel[];
  hashBits: number;
  predict(x: SparseVector): number[];
}

export function loadLinearModel(file: LinearModelFile): LinearModel {
  const k = file.classes.length;
  const table = new Map<number, Float64Array>();
  let bucket = 0;
  for (let i = 0; i < file.buckets.length; i++) {
    bucket += file.buckets[i]!;
    const w = new Float64Array(k);
    for (let c = 0; c < k; c++) w[c] = (file.weights[i * k + c] ?? 0) * file.scale;
    table.set(bucket, w);
  }
  return fromTable({ lang: file.lang, classes: file.classes, hashBits: file.hashBits, bias: file.bias, table });
}

export function fromTable(options: { lang: string; classes: SentimentLabel[]; hashBits: number; bias: readonly number[]; table: Map<number, Float64Array> }): LinearModel {
  const { classes, bias, table } = options;
  const k = classes.length;
  return {
    lang: options.lang,
    classes,
    hashBits: options.hashBits,
    predict(x: SparseVector): number[] {
      const z = new Array<number>(k);
      for (let c = 0; c < k; c++) z[c] = bias[c] ?? 0;
      for (let i = 0; i < x.indices.length; i++) {
        const w = table.get(x.indices[i]!);
        if (!w) continue;
        const v = x.values[i]!;
        for (let c = 0; c < k; c++) z[c]! += w[c]! * v;
      }
      return softmax(z);
    },
  };
}

export function softmax(z: number[]): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  const out = z.map((v) => { const e = Math.exp(v - max); sum += e; return e; });
  return out.map((e) => e / sum);
}

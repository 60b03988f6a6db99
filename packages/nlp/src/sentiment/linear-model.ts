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
  /** Class probabilities of the first `length` features of `x`, written into `out`. */
  predictInto(x: SparseVector, length: number, out: Float64Array): void;
}

/**
 * The kept buckets are looked up in a small open-addressing table (bucket → row of `weights`):
 * a few hundred KiB that stay in cache, instead of a hash map or a table over all 2^20 buckets.
 */
export function loadLinearModel(file: LinearModelFile): LinearModel {
  const k = file.classes.length;
  const n = file.buckets.length;
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  const shift = 32 - bits;
  const tableMask = (1 << bits) - 1;
  const keys = new Int32Array(1 << bits).fill(-1);
  const rows = new Int32Array(1 << bits);
  const weights = new Float64Array(n * k);
  let bucket = 0;
  for (let i = 0; i < n; i++) {
    bucket += file.buckets[i]!;
    let slot = Math.imul(bucket, 0x9e3779b1) >>> shift;
    while (keys[slot] !== -1) slot = (slot + 1) & tableMask;
    keys[slot] = bucket;
    rows[slot] = i * k;
    for (let c = 0; c < k; c++) weights[i * k + c] = (file.weights[i * k + c] ?? 0) * file.scale;
  }
  const bias = Float64Array.from(file.classes, (_, c) => file.bias[c] ?? 0);
  const predictInto = (x: SparseVector, length: number, out: Float64Array): void => {
    for (let c = 0; c < k; c++) out[c] = bias[c]!;
    for (let i = 0; i < length; i++) {
      const feature = x.indices[i]!;
      let slot = Math.imul(feature, 0x9e3779b1) >>> shift;
      let key = keys[slot]!;
      while (key !== feature && key !== -1) { slot = (slot + 1) & tableMask; key = keys[slot]!; }
      if (key === -1) continue;
      const v = x.values[i]!;
      const row = rows[slot]!;
      for (let c = 0; c < k; c++) out[c]! += weights[row + c]! * v;
    }
    softmaxInPlace(out, k);
  };
  return {
    lang: file.lang,
    classes: file.classes,
    hashBits: file.hashBits,
    predictInto,
    predict(x) {
      const out = new Float64Array(k);
      predictInto(x, x.indices.length, out);
      return Array.from(out);
    },
  };
}

function softmaxInPlace(z: Float64Array, k: number): void {
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (z[c]! > max) max = z[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) { const e = Math.exp(z[c]! - max); z[c] = e; sum += e; }
  for (let c = 0; c < k; c++) z[c]! /= sum;
}

// The lookup both committed linear models (sentiment, topics) use at prediction time: the kept
// feature buckets in a small open-addressing table (bucket → row of weights), a few hundred KiB that
// stay in cache, instead of a hash map or a table over all 2^20 buckets.

import type { SparseVector } from './feature-buffer.js';

export interface WeightTable {
  /** Adds bias + Σ weight·value over the first `length` features of `x` into out[0..width). */
  scoresInto(x: SparseVector, length: number, out: Float64Array): void;
  /** Adds the weights of one feature (× value, default 1) into out, if the feature was kept. */
  addFeature(feature: number, out: Float64Array, value?: number): void;
  /** scoresInto for the listed columns only (the others of `out` are left alone). */
  columnsInto(x: SparseVector, length: number, columns: ArrayLike<number>, out: Float64Array): void;
}

/** `buckets` delta-encoded ascending, `weights` quantised (`width` per bucket), weight = q × scale. */
export function createWeightTable(
  file: { buckets: readonly number[]; weights: readonly number[]; scale: number; bias: readonly number[] },
  width: number,
): WeightTable {
  const n = file.buckets.length;
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  const shift = 32 - bits;
  const tableMask = (1 << bits) - 1;
  const keys = new Int32Array(1 << bits).fill(-1);
  const rows = new Int32Array(1 << bits);
  const weights = new Float64Array(n * width);
  let maxBucket = 0;
  for (const d of file.buckets) maxBucket += d;
  // One bit per bucket up to the largest kept: most features of a text are not kept, and one bit
  // test rejects them without probing the table.
  const present = new Uint32Array((maxBucket >>> 5) + 1);
  let bucket = 0;
  for (let i = 0; i < n; i++) {
    bucket += file.buckets[i]!;
    present[bucket >>> 5]! |= 1 << (bucket & 31);
    let slot = Math.imul(bucket, 0x9e3779b1) >>> shift;
    while (keys[slot] !== -1) slot = (slot + 1) & tableMask;
    keys[slot] = bucket;
    rows[slot] = i * width;
    for (let c = 0; c < width; c++) weights[i * width + c] = (file.weights[i * width + c] ?? 0) * file.scale;
  }
  const bias = Float64Array.from({ length: width }, (_, c) => file.bias[c] ?? 0);
  const rowOf = (feature: number): number => {
    if (feature > maxBucket || (present[feature >>> 5]! & (1 << (feature & 31))) === 0) return -1;
    let slot = Math.imul(feature, 0x9e3779b1) >>> shift;
    let key = keys[slot]!;
    while (key !== feature && key !== -1) {
      slot = (slot + 1) & tableMask;
      key = keys[slot]!;
    }
    return key === -1 ? -1 : rows[slot]!;
  };
  return {
    scoresInto(x, length, out) {
      for (let c = 0; c < width; c++) out[c] = bias[c]!;
      for (let i = 0; i < length; i++) {
        const row = rowOf(x.indices[i]!);
        if (row < 0) continue;
        const v = x.values[i]!;
        for (let c = 0; c < width; c++) out[c]! += weights[row + c]! * v;
      }
    },
    columnsInto(x, length, columns, out) {
      const m = columns.length;
      for (let j = 0; j < m; j++) out[columns[j]!] = bias[columns[j]!]!;
      for (let i = 0; i < length; i++) {
        const row = rowOf(x.indices[i]!);
        if (row < 0) continue;
        const v = x.values[i]!;
        for (let j = 0; j < m; j++) {
          const c = columns[j]!;
          out[c]! += weights[row + c]! * v;
        }
      }
    },
    addFeature(feature, out, value = 1) {
      const row = rowOf(feature);
      if (row < 0) return;
      for (let c = 0; c < width; c++) out[c]! += weights[row + c]! * value;
    },
  };
}

/**
 * Keeps the `maxFeatures` strongest buckets of dense weights `w` (`width` per bucket; buckets from
 * `alwaysKeepFrom` on are always kept) and quantises them to integers in [-999, 999].
 */
export function pruneAndQuantise(
  w: Float32Array,
  width: number,
  alwaysKeepFrom: number,
  maxFeatures: number,
  bucketOf: (row: number) => number = (r) => r,
): { scale: number; buckets: number[]; weights: number[] } {
  const rowsCount = w.length / width;
  const strength: { row: number; bucket: number; s: number }[] = [];
  let maxAbs = 0;
  for (let r = 0; r < rowsCount; r++) {
    let s = 0;
    for (let c = 0; c < width; c++) s = Math.max(s, Math.abs(w[r * width + c]!));
    if (s === 0) continue;
    const bucket = bucketOf(r);
    strength.push({ row: r, bucket, s: bucket >= alwaysKeepFrom ? Infinity : s });
    maxAbs = Math.max(maxAbs, s);
  }
  strength.sort((a, b) => b.s - a.s || a.bucket - b.bucket);
  const kept = strength.slice(0, maxFeatures).sort((a, b) => a.bucket - b.bucket);
  const scale = maxAbs / 999 || 1;
  const buckets: number[] = [];
  const weights: number[] = [];
  let last = 0;
  for (const { row, bucket } of kept) {
    buckets.push(bucket - last);
    last = bucket;
    for (let c = 0; c < width; c++) weights.push(Math.round(w[row * width + c]! / scale));
  }
  return { scale: Number(scale.toPrecision(6)), buckets, weights };
}

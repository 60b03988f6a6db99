// The lookup the committed linear models (sentiment, topics, text domains) use at prediction time,
// laid out for the cache, since looking up a text's few hundred features is most of the models' time:
// the kept feature buckets as a bit set with running counts (a bucket's row of weights is the number
// of kept buckets below it), instead of a hash map or a table over all 2^20 buckets, and the weights
// as the files' 16-bit integers (a quarter of the bytes of doubles), multiplied by their scale once
// per column at the end. Models that read the same features can share one table
// (createMergedWeightTable), so one lookup per feature serves them all.

import type { SparseVector } from './feature-buffer.js';

export interface WeightTable {
  readonly width: number;
  /** Writes bias + Σ weight·value over the first `length` features of `x` into out[0..width). */
  scoresInto(x: SparseVector, length: number, out: Float64Array): void;
  /** Adds the weights of one feature (× value, default 1) into out, if the feature was kept. */
  addFeature(feature: number, out: Float64Array, value?: number): void;
}

/** A model's weights as committed: `buckets` delta-encoded ascending, `weights` quantised (`width` per bucket, 16-bit), weight = q × scale. */
export interface QuantisedWeights {
  buckets: readonly number[];
  weights: readonly number[];
  scale: number;
  bias: readonly number[];
}

/** A parsed model file's weights have the shape of `columns` (its classes or topics): one weight per kept bucket and column, one bias per column. */
export function hasQuantisedWeights(o: Record<string, unknown>, columns: unknown): boolean {
  return (
    Array.isArray(columns) &&
    Array.isArray(o.buckets) &&
    Array.isArray(o.weights) &&
    Array.isArray(o.bias) &&
    typeof o.scale === 'number' &&
    o.weights.length === o.buckets.length * columns.length &&
    o.bias.length === columns.length
  );
}

export function createWeightTable(file: QuantisedWeights, width: number): WeightTable {
  return createMergedWeightTable([{ file, width }]);
}

/**
 * One table over several models' columns: out[0..) holds the first part's `columns` (default all
 * `width` of its columns), then the next part's, each with its own model's bias and scale. Buckets
 * whose chosen weights are all zero are left out.
 */
export function createMergedWeightTable(parts: readonly { file: QuantisedWeights; width: number; columns?: readonly number[] }[]): WeightTable {
  const picks = parts.map((p) => p.columns ?? Array.from({ length: p.width }, (_, c) => c));
  const width = picks.reduce((n, cols) => n + cols.length, 0);
  const scale = new Float64Array(width);
  const bias = new Float64Array(width);
  // Each part's buckets (ascending, as in the file) with a non-zero chosen weight, and where each is in the file.
  const ofPart = parts.map(({ file, width: partWidth }, p) => {
    const cols = picks[p]!;
    const buckets: number[] = [];
    const at: number[] = [];
    let bucket = 0;
    for (let i = 0; i < file.buckets.length; i++) {
      // Deltas: each bucket above the one before (the merge and the index below rely on it).
      if (i > 0 && file.buckets[i]! <= 0) throw new Error(`model buckets must ascend (bucket ${bucket + file.buckets[i]!} after ${bucket})`);
      bucket += file.buckets[i]!;
      for (const c of cols)
        if ((file.weights[i * partWidth + c] ?? 0) !== 0) {
          buckets.push(bucket);
          at.push(i * partWidth);
          break;
        }
    }
    return { buckets, at };
  });
  // The table's rows: the union of the parts' buckets, ascending.
  const kept = ofPart.length === 1 ? ofPart[0]!.buckets : mergeAscending(ofPart.map((o) => o.buckets));
  const n = kept.length;
  const weights = new Int16Array(n * width);
  let offset = 0;
  parts.forEach(({ file }, p) => {
    const cols = picks[p]!;
    const { buckets, at } = ofPart[p]!;
    cols.forEach((c, j) => {
      scale[offset + j] = file.scale;
      bias[offset + j] = file.bias[c] ?? 0;
    });
    let row = 0;
    for (let i = 0; i < buckets.length; i++) {
      while (kept[row] !== buckets[i]) row++;
      for (let j = 0; j < cols.length; j++) {
        const q = file.weights[at[i]! + cols[j]!] ?? 0;
        if (!Number.isInteger(q) || q < -32768 || q > 32767) throw new Error(`model weight ${q} of bucket ${buckets[i]} is not a 16-bit integer`);
        weights[row * width + offset + j] = q;
      }
    }
    offset += cols.length;
  });

  // The kept buckets as a bit set with a running count: index[2w] holds the bits of buckets
  // 32w … 32w + 31, index[2w + 1] how many kept buckets lie below 32w. A feature's row is that count
  // plus the bits set below its own (the rank of a bit vector): no hash, no probing, and a feature
  // that was not kept (most of a text's) is rejected by one bit test in the same cache line.
  const words = n > 0 ? (kept[n - 1]! >>> 5) + 1 : 0;
  const index = new Int32Array(2 * words);
  for (const bucket of kept) index[2 * (bucket >>> 5)]! |= 1 << (bucket & 31);
  for (let w = 1, below = 0; w < words; w++) index[2 * w + 1] = below += popcount(index[2 * (w - 1)]!);
  const rowOf = (feature: number): number => {
    const w = feature >>> 5;
    if (w >= words) return -1;
    const bits = index[2 * w]!;
    const bit = 1 << (feature & 31);
    if ((bits & bit) === 0) return -1;
    return (index[2 * w + 1]! + popcount(bits & (bit - 1))) * width;
  };
  return {
    width,
    scoresInto(x, length, out) {
      for (let c = 0; c < width; c++) out[c] = 0;
      for (let i = 0; i < length; i++) {
        const row = rowOf(x.indices[i]!);
        if (row < 0) continue;
        const v = x.values[i]!;
        for (let c = 0; c < width; c++) out[c]! += weights[row + c]! * v;
      }
      for (let c = 0; c < width; c++) out[c] = bias[c]! + out[c]! * scale[c]!;
    },
    addFeature(feature, out, value = 1) {
      const row = rowOf(feature);
      if (row < 0) return;
      for (let c = 0; c < width; c++) out[c]! += weights[row + c]! * scale[c]! * value;
    },
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The union of ascending lists, ascending. */
function mergeAscending(lists: readonly (readonly number[])[]): number[] {
  const next = lists.map(() => 0);
  const out: number[] = [];
  for (;;) {
    let min = Infinity;
    for (let l = 0; l < lists.length; l++) if (next[l]! < lists[l]!.length) min = Math.min(min, lists[l]![next[l]!]!);
    if (min === Infinity) return out;
    out.push(min);
    for (let l = 0; l < lists.length; l++) if (lists[l]![next[l]!] === min) next[l]!++;
  }
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

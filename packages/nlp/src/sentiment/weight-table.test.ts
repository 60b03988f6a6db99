import { describe, expect, it } from 'vitest';
import { createMergedWeightTable, createWeightTable, pruneAndQuantise } from './weight-table.js';

// Two small models over the same features, quantised as the training scripts do.
function model(w: number[], width: number, bias: number[]) {
  const q = pruneAndQuantise(Float32Array.from(w), width, Infinity, 100);
  return { ...q, bias };
}

describe('weight tables', () => {
  // Rows are buckets 0..4; model a has 3 columns, model b 2. Bucket 2 has weights in b only, bucket 4 in a only.
  const a = model([1, -2, 0.5, 0, 0.25, 0, 0, 0, 0, 3, 1, -1, 0.75, 0, 0], 3, [0.1, 0.2, 0.3]);
  const b = model([0.5, 0.5, 0, 0, 2, -1, 1, 1, 0, 0], 2, [-0.5, 0.5]);
  const x = { indices: [0, 1, 2, 3, 4, 999], values: [0.5, 1, 2, 0.25, 1, 7] };

  it('scores as the sum of bias and kept weight × value, weights within one quantisation step', () => {
    const out = new Float64Array(3);
    createWeightTable(a, 3).scoresInto(x, x.indices.length, out);
    const exact = [0.1 + 0.5 * 1 + 1 * 0 + 0.25 * 3 + 1 * 0.75, 0.2 + 0.5 * -2 + 1 * 0.25 + 0.25 * 1, 0.3 + 0.5 * 0.5 + 0.25 * -1];
    exact.forEach((v, c) => expect(out[c]).toBeCloseTo(v, 2));
  });

  it('merges chosen columns of several models into one table that scores as they do apart', () => {
    const merged = createMergedWeightTable([
      { file: a, width: 3, columns: [2, 0] },
      { file: b, width: 2 },
    ]);
    expect(merged.width).toBe(4);
    const got = new Float64Array(4);
    merged.scoresInto(x, x.indices.length, got);
    const fromA = new Float64Array(3);
    const fromB = new Float64Array(2);
    createWeightTable(a, 3).scoresInto(x, x.indices.length, fromA);
    createWeightTable(b, 2).scoresInto(x, x.indices.length, fromB);
    expect(Array.from(got)).toEqual([fromA[2], fromA[0], fromB[0], fromB[1]].map((v) => expect.closeTo(v!, 12)));
    const one = new Float64Array(4);
    merged.addFeature(2, one, 2);
    expect(Array.from(one)).toEqual([0, 0, 2 * 2, -1 * 2].map((v) => expect.closeTo(v, 2)));
  });

  it('finds each kept bucket however far apart they lie, and nothing else', () => {
    // Buckets on both sides of 32-bit word boundaries, and one far out; weight q = 10 + row.
    const kept = [0, 31, 32, 33, 63, 64, 95, 1000, 1 << 20];
    const file = { buckets: kept.map((b, i) => b - (kept[i - 1] ?? 0)), weights: kept.map((_, i) => 10 + i), scale: 1, bias: [0] };
    const table = createWeightTable(file, 1);
    const probe = [...kept, 1, 30, 34, 62, 65, 999, 1001, (1 << 20) - 1, (1 << 20) + 1, 5_000_000];
    const out = new Float64Array(1);
    for (const feature of probe) {
      out[0] = 0;
      table.addFeature(feature, out);
      expect([feature, out[0]]).toEqual([feature, kept.includes(feature) ? 10 + kept.indexOf(feature) : 0]);
    }
  });

  it('refuses buckets that do not ascend', () => {
    expect(() => createWeightTable({ buckets: [5, 0], weights: [1, 2], scale: 1, bias: [0] }, 1)).toThrow(/buckets must ascend \(bucket 5 after 5\)/);
    const ascending = { buckets: [3, 4], weights: [1, 2], scale: 1, bias: [0] };
    const descending = { buckets: [10, -3], weights: [1, 2], scale: 1, bias: [0] };
    expect(() =>
      createMergedWeightTable([
        { file: ascending, width: 1 },
        { file: descending, width: 1 },
      ]),
    ).toThrow(/buckets must ascend \(bucket 7 after 10\)/);
  });

  it('refuses a weight that is not a 16-bit integer, naming it', () => {
    expect(() => createWeightTable({ buckets: [3], weights: [40000], scale: 1, bias: [0] }, 1)).toThrow(/weight 40000 of bucket 3/);
  });
});

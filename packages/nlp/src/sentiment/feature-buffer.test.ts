import { describe, expect, it } from 'vitest';
import { FeatureBuffer } from './feature-buffer.js';

/** What the buffer should hold: each distinct feature with its count, L2-normalised, first-seen order. */
function expected(features: number[]): { indices: number[]; values: number[] } {
  const counts = new Map<number, number>();
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const norm = Math.sqrt([...counts.values()].reduce((s, c) => s + c * c, 0));
  return { indices: [...counts.keys()], values: [...counts.values()].map((c) => c / norm) };
}

describe('FeatureBuffer', () => {
  const cases: [name: string, features: number[]][] = [
    ['a few repeats', [5, 7, 5, 1 << 19, 7, 5]],
    ['colliding slots', [0, 4096, 8192, 0, 12288]],
    ['more features than the first table holds (grows)', Array.from({ length: 9000 }, (_, i) => (i * 7919) % 6000)],
  ];
  it.each(cases)('%s', (_name, features) => {
    const buffer = new FeatureBuffer();
    for (const f of features) buffer.count(f);
    buffer.flushCounts();
    const got = buffer.toVector();
    const want = expected(features);
    expect(Array.from(got.indices)).toEqual(want.indices);
    Array.from(got.values).forEach((v, i) => expect(v).toBeCloseTo(want.values[i]!, 12));
  });

  it('starts empty again after clear, and dense features follow the counted ones', () => {
    const buffer = new FeatureBuffer();
    for (const f of [1, 2, 3]) buffer.count(f);
    buffer.flushCounts();
    buffer.clear();
    buffer.count(2);
    buffer.flushCounts();
    buffer.push(99, 0.5);
    expect(buffer.toVector()).toEqual({ indices: [2, 99], values: [1, 0.5] });
  });
});

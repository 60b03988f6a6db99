import { describe, expect, it } from 'vitest';
import { crossWordNgrams } from './cross-word-ngrams.js';

function collect(words: string[], weight = 1): { bucket: number; value: number }[] {
  const out: { bucket: number; value: number }[] = [];
  crossWordNgrams(words, weight, (bucket, value) => out.push({ bucket, value }));
  return out;
}

describe('character n-grams across word boundaries', () => {
  it('gives none for a single word and a block of unit length at the given weight otherwise', () => {
    expect(collect(['courier'])).toEqual([]);
    const got = collect(['courier', 'came', 'late'], 0.5);
    expect(got.length).toBeGreaterThan(0);
    expect(Math.sqrt(got.reduce((s, g) => s + g.value * g.value, 0))).toBeCloseTo(0.5, 6);
  });

  it('depends on the words on both sides of the boundary, not on either word alone', () => {
    const bucketsOf = (words: string[]) => new Set(collect(words).map((g) => g.bucket));
    const a = bucketsOf(['courier', 'came']);
    const b = bucketsOf(['courier', 'left']);
    expect([...a].some((x) => !b.has(x))).toBe(true);
    expect(bucketsOf(['courier', 'came'])).toEqual(a); // deterministic
  });
});

import { describe, expect, it } from 'vitest';
import { pairwiseScores } from './pairwise.js';

const rows = (predicted: string, labels: string) => [...predicted].map((p, i) => ({ predicted: p, label: labels[i]! }));

describe('pairwise precision and recall', () => {
  it.each([
    ['perfect', 'aabb', 'xxyy', 1, 1],
    ['everything in one group', 'aaaa', 'xxyy', 2 / 6, 1],
    ['every mention alone', 'abcd', 'xxyy', 1, 0],
    ['one wrong member', 'aaab', 'xxxy', 1, 1],
    ['split story', 'aabc', 'xxxx', 1, 1 / 6],
  ])('%s', (_name, predicted, labels, precision, recall) => {
    const scores = pairwiseScores(rows(predicted, labels));
    expect(scores.precision).toBeCloseTo(precision);
    expect(scores.recall).toBeCloseTo(recall);
  });
});

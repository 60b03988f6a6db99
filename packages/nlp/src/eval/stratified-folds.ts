// Stratified k-fold split with a fixed seed: every fold keeps the label proportions, and the same
// data always splits the same way, so cross-validated figures are reproducible.

import { mulberry32 } from '../sentiment/train-linear-model.js';

/** Fold number (0..k-1) of each example. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const key of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(key)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((exampleIndex, n) => {
      fold[exampleIndex] = (n + offset) % k;
    });
    offset += idx.length;
  }
  return fold;
}

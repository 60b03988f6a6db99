// Pairwise precision and recall of a grouping against labels: over every pair of items, a pair
// grouped together is right when the labels put them together too. The usual measure for
// clustering news into stories (it does not care what the groups are called).
export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pairs grouped together / labelled together / both. */
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
}

export function pairwiseScores<T extends { predicted: string; label: string }>(items: T[], include: (a: T, b: T) => boolean = () => true): PairwiseScores {
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (!include(a, b)) continue;
      const together = a.predicted === b.predicted;
      const labelled = a.label === b.label;
      if (together) predictedPairs++;
      if (labelled) truePairs++;
      if (together && labelled) correctPairs++;
    }
  }
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predictedPairs, truePairs, correctPairs };
}

// Grouping quality on the labeled sample (testdata/labeled-stories.jsonl), printed as pairwise
// precision / recall. The floors sit below today's figures (README) so a change that makes grouping
// clearly worse fails here; `npm run bench -- stories` prints the same at several thresholds.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '@earshot/nlp';
import { enrichLabeled, evaluateGrouping, readLabeledSample } from './labeled-sample.js';

describe('grouping quality on the labeled sample', () => {
  it('groups the sample with high pairwise precision and some recall, across languages too', () => {
    const sample = readLabeledSample();
    const result = evaluateGrouping(sample, enrichLabeled(sample, createAnalyzer()));
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    process.stdout.write(
      `stories: ${sample.length} mentions, ${result.labels} labelled stories, ${result.stories} found; ` +
        `pairwise precision ${pct(result.scores.precision)} recall ${pct(result.scores.recall)} F1 ${pct(result.scores.f1)} ` +
        `(${result.scores.correctPairs}/${result.scores.predictedPairs} grouped pairs right, of ${result.scores.truePairs}); ` +
        `cross-language pairs: precision ${pct(result.crossLanguage.precision)} recall ${pct(result.crossLanguage.recall)}\n`,
    );
    expect(sample.length).toBeGreaterThanOrEqual(50);
    expect(result.scores.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.scores.recall).toBeGreaterThanOrEqual(0.25);
    expect(result.crossLanguage.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.crossLanguage.correctPairs).toBeGreaterThan(0);
  });
});

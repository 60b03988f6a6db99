// `npm run bench -- stories`: story grouping on the labeled sample (packages/stories/testdata) —
// pairwise precision / recall / F1 at several similarity thresholds (the default is marked), all
// pairs and cross-language pairs, and the time per mention.
import { createAnalyzer } from '@earshot/nlp';
import { DEFAULT_THRESHOLD } from '@earshot/stories';
import { enrichLabeled, evaluateGrouping, readLabeledSample } from '../../packages/stories/src/eval/labeled-sample.js';
import { printTable, writeResults } from './results.js';

const sample = readLabeledSample();
const mentions = enrichLabeled(sample, createAnalyzer());
const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const rows = [];
for (const threshold of [0.15, 0.2, 0.25, DEFAULT_THRESHOLD, 0.35, 0.4, 0.5].sort((a, b) => a - b).filter((t, i, all) => all.indexOf(t) === i)) {
  const started = performance.now();
  const rounds = 20;
  let result = evaluateGrouping(sample, mentions, { threshold });
  for (let i = 1; i < rounds; i++) result = evaluateGrouping(sample, mentions, { threshold });
  const usPerMention = ((performance.now() - started) * 1000) / rounds / sample.length;
  rows.push({
    threshold: threshold === DEFAULT_THRESHOLD ? `${threshold} (default)` : String(threshold),
    stories: result.stories,
    labelled: result.labels,
    'precision %': pct(result.scores.precision),
    'recall %': pct(result.scores.recall),
    'F1 %': pct(result.scores.f1),
    'x-lang P %': pct(result.crossLanguage.precision),
    'x-lang R %': pct(result.crossLanguage.recall),
    'µs/mention': usPerMention.toFixed(0),
  });
}
process.stdout.write(`story grouping on ${sample.length} labelled mentions\n`);
printTable(rows);
writeResults('stories', { mentions: sample.length, rows });

// `npm run bench -- stories`: story grouping on the labeled sample (packages/stories/testdata) —
// pairwise precision / recall / F1 at several similarity thresholds (the default is marked), all
// pairs and cross-language pairs — and the tracker's throughput on a longer stream (the sample's
// texts repeated over two days with varied numbers, so many stories stay open at once).
import { createAnalyzer } from '@earshot/nlp';
import { createStoryTracker, DEFAULT_THRESHOLD } from '@earshot/stories';
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

const STREAM = Number(process.argv[2] ?? 20_000);
const start = Date.parse('2026-11-23T00:00:00.000Z');
const stream = Array.from({ length: STREAM }, (_, i) => {
  const m = mentions[i % mentions.length]!;
  const at = new Date(start + Math.floor((i / STREAM) * 48 * 3_600_000)).toISOString();
  return { ...m, id: `${m.id}-${i}`, title: `${m.title} ${i % 97}`, text: `${m.text} ${(i * 7919) % 100_000}`, publishedAt: at, collectedAt: at };
});
const tracker = createStoryTracker({ brandTerms: { nordtel: ['Nordtel', 'Нордтел', 'נורדטל'], tundra: ['Tundra Coffee'] } });
const t0 = performance.now();
for (const m of stream) tracker.add(m);
const seconds = (performance.now() - t0) / 1000;
const open = tracker.open('nordtel', Date.now()).length;
const throughput = [
  { mentions: STREAM, 'open stories (nordtel)': open, 'mentions/s': Math.round(STREAM / seconds), 'µs/mention': ((seconds * 1e6) / STREAM).toFixed(0) },
];
process.stdout.write(`\ntracker throughput, one process\n`);
printTable(throughput);
writeResults('stories', { mentions: sample.length, rows, throughput });

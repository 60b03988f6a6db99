// Where the enricher's path allocates: the dev texts shuffled and analysed in the enricher's batches
// under V8's sampling heap profiler, counting the objects minor and major GCs collected too (the
// short-lived garbage that costs the analysis its collections). Prints bytes per text by the function
// that allocated them (a built-in by its caller). Round 44 found a quarter of them in one arrow.
// Run: npx tsx packages/nlp/scripts/allocation-profile.ts [--top=30] [--passes=5] [--batch=2000]

import { Session } from 'node:inspector/promises';
import { ANALYZE_BATCH_CHUNK, createAnalyzer } from '../src/analyzer.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sentimentDevFile } from '../src/eval/shared-dir.js';
import { shuffled } from '../src/sentiment/train-linear-model.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';
import { numberOption } from './script-options.js';

const top = numberOption('top', 30);
const passes = numberOption('passes', 5);
/** The enricher's batch, which is the analyzer's chunk (services/enricher ENRICHER_MAX_BATCH). */
const batch = numberOption('batch', ANALYZE_BATCH_CHUNK);

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const texts: { text: string }[] = [];
for (const lang of SUPPORTED_LANGUAGES) {
  const file = sentimentDevFile(process.env, lang);
  if (!file) throw new Error(`no sentiment dev file for ${lang}: set EARSHOT_SHARED or put shared/ beside the repository`);
  for (const e of readLabeledFile(file).examples) texts.push({ text: e.text });
}
const mixed = shuffled(texts, 7);
const analyzer = createAnalyzer();
const pass = (): void => {
  for (let from = 0; from < mixed.length; from += batch) analyzer.analyzeBatch(mixed.slice(from, from + batch));
};
pass(); // warm: models loaded, code optimised

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
// The two include… flags are newer than Node's typings of the protocol.
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
} as Parameters<Session['post']>[1]);
for (let p = 0; p < passes; p++) pass();
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };
session.disconnect();

const bytes = new Map<string, number>();
let total = 0;
const walk = (node: ProfileNode, caller: string): void => {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
  const key = url === '' ? `${name} ← ${caller}` : name;
  total += node.selfSize;
  if (node.selfSize > 0) bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child, name);
};
walk(profile.head, '');
const perText = (b: number): number => Math.round(b / passes / mixed.length);
console.log(`${mixed.length} dev texts shuffled, batches of ${batch}, ${passes} passes: ${perText(total)} bytes allocated per text`);
for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, top))
  console.log(`${((100 * b) / total).toFixed(1).padStart(5)}%  ${String(perText(b)).padStart(6)} B  ${key}`);

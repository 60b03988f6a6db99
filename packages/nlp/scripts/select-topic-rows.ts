// Picks shared train rows for annotators to label with topics: the unlabeled rows of a language that a
// topic model, trained on every labeled row of it (the shared topic texts and ours), finds most likely
// to hold one of the given topics (or, --by=margin, is least sure of), taken in turn per topic so that
// each gets its share. Round 37's Russian batches were drawn by it (ROUNDS.md): rows of rare topics,
// where a random draw brings few. --by=random draws the candidates at random (seeded), with no model:
// round 40's draws, since a random share of the rows is what cv-topics.ts --extra-share measures.
// Writes shuffled batches of 250 {"line","text"} lines, the shape data/train-topics-prompt.md's annotators read.
// Run: npx tsx packages/nlp/scripts/select-topic-rows.ts --lang=ru --count=1500 --topics=delivery,privacy,…
//        --out=DIR [--by=likely|margin] [--labels=more.jsonl,…] [--source=_source_] [--first-batch=1]
//      or, drawn at random: … --lang=ru --count=1000 --by=random --out=DIR [--labels=…] [--source=…] [--first-batch=1]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDataFile, sharedDir } from '../src/eval/shared-dir.js';
import { readTrainTopicExamples, readTrainTopicLabels } from '../src/eval/train-topics.js';
import { topicTrainingData } from '../src/eval/topic-training-data.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { shuffled } from '../src/sentiment/train-linear-model.js';
import { fitTopicModelGroups, topicLogits, TOPIC_TRAIN_SETTINGS } from '../src/topics/train-topic-model.js';
import { loadTopicModel } from '../src/topics/topic-model.js';
import { languageIndex } from '../src/topics/topic-features.js';
import { numberOption, option } from './script-options.js';

const BATCH = 250;
const lang = option('lang');
const count = numberOption('count', 1500);
const topics = (option('topics') ?? '').split(',').filter(Boolean);
const out = option('out');
// --by=likely (default): in turn per topic, its most likely candidate not yet taken; --by=margin: the
// candidate whose logit lies nearest the topic's threshold (the model least sure either way); --by=random: any.
const by = option('by') ?? 'likely';
if (by !== 'likely' && by !== 'margin' && by !== 'random') throw new Error(`--by=${by}: likely, margin or random`);
if (!lang || !out || (topics.length === 0) !== (by === 'random') || !(count > 0)) {
  throw new Error(
    'usage: select-topic-rows.ts --lang=ru --count=1500 (--topics=delivery,privacy [--by=likely|margin] | --by=random) --out=DIR [--labels=a.jsonl,…] [--source=TEXT] [--first-batch=1]',
  );
}
// --labels: label files beside data/train-topics.jsonl (an earlier draw's, not yet committed): their rows are labeled too.
const labels = [
  readTrainTopicLabels(),
  ...(option('labels') ?? '')
    .split(',')
    .filter(Boolean)
    .map((f) => readTrainTopicLabels(pathToFileURL(f))),
]
  .flat()
  .filter((l) => l.lang === lang);
const examples = readTopicFile(join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`)).examples;
const labeled = readTrainTopicExamples(process.env, labels);
const trainFile = sharedDataFile(process.env, 'sentiment/train', lang);
if (!trainFile) throw new Error(`no shared/data/sentiment/train/${lang}.jsonl to select from`);

// Candidates: unlabeled train rows of the source asked for, each text once, none a labeled text.
const taken = new Set(labels.filter((l) => l.split === undefined).map((l) => l.line));
const seen = new Set([...examples, ...labeled].map((e) => e.text.trim().toLowerCase()));
const source = option('source');
const candidates: { line: number; text: string }[] = [];
readFileSync(trainFile, 'utf8')
  .split('\n')
  .forEach((raw, line) => {
    if (raw.trim() === '' || taken.has(line)) return;
    const row = JSON.parse(raw) as { text: string; source?: string };
    const key = row.text.trim().toLowerCase();
    if ((source && !row.source?.includes(source)) || seen.has(key)) return;
    seen.add(key);
    candidates.push({ line, text: row.text });
  });
console.log(`${lang}: ${labeled.length} labeled rows of ours, ${candidates.length} candidates`);
const picked = by === 'random' ? shuffled(candidates, 40).slice(0, count) : likelyRows(lang);

/** The candidates the model ranks first, in turn per topic, shuffled so that no batch holds one topic's most likely rows. */
function likelyRows(lang: string): { line: number; text: string }[] {
  const { data, extra } = topicTrainingData({
    env: process.env,
    examples,
    extraExamples: [...labeled, ...candidates.map(({ text }) => ({ text, lang, topics: [], aspects: {} }))],
    wink: createWinkSentiment(),
    feedItems: false,
  });
  // Trained on the topic texts and our labeled rows; the candidates are only scored.
  const file = fitTopicModelGroups(
    data,
    examples.map((_, i) => i),
    TOPIC_TRAIN_SETTINGS,
    extra.slice(0, labeled.length),
  );
  const model = loadTopicModel(file);
  const logits = topicLogits(model, data, extra.slice(labeled.length));
  const cutoffs = model.cutoffs[languageIndex(lang)]!;
  const columns = topics.map((t) => {
    const c = file.topics.indexOf(t);
    if (c < 0) throw new Error(`no topic "${t}" (the model's: ${file.topics.join(', ')})`);
    return c;
  });

  const key = (i: number, c: number): number => (by === 'likely' ? -logits[i]![c]! : Math.abs(logits[i]![c]! - cutoffs[c]!));
  const ranked = columns.map((c) => candidates.map((_, i) => i).sort((a, b) => key(a, c) - key(b, c)));
  const next = columns.map(() => 0);
  const chosen = new Set<number>();
  const wanted = Math.min(count, candidates.length);
  const perTopic: Record<string, { rows: number; lastProbability: number }> = {};
  while (chosen.size < wanted) {
    for (let t = 0; t < columns.length && chosen.size < wanted; t++) {
      while (chosen.has(ranked[t]![next[t]!]!)) next[t]!++;
      const i = ranked[t]![next[t]!]!;
      chosen.add(i);
      perTopic[topics[t]!] = {
        rows: (perTopic[topics[t]!]?.rows ?? 0) + 1,
        lastProbability: Number((1 / (1 + Math.exp(-logits[i]![columns[t]!]!))).toFixed(3)),
      };
    }
  }
  console.table(perTopic);
  return shuffled(
    [...chosen].map((i) => candidates[i]!),
    37,
  );
}

mkdirSync(out, { recursive: true });
const first = numberOption('first-batch', 1);
for (let b = 0; b * BATCH < picked.length; b++) {
  const path = join(out, `${lang}-${first + b}.jsonl`);
  writeFileSync(
    path,
    picked
      .slice(b * BATCH, (b + 1) * BATCH)
      .map(({ line, text }) => JSON.stringify({ line, text }))
      .join('\n') + '\n',
  );
  console.log(`wrote ${path}`);
}

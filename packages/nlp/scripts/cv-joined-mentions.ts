// How the topic tagger does on mentions that say several things (ROUNDS.md round 29): every N topic
// texts of one language and one outer fold (shared/data/topics/dev) joined into one mention, its gold
// topics theirs together, tagged by the model of the fold that never saw them: judged whole, in
// pieces (mention-pieces.ts, as the tagger does), and — the most pieces could give — each text alone.
// The topic texts themselves are scored both ways too. Same folds and training rows as the benchmark.
// Run: npx tsx packages/nlp/scripts/cv-joined-mentions.ts [--seed=7] [--join=3]

import { join } from 'node:path';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDir } from '../src/eval/shared-dir.js';
import { readTrainTopicExamples } from '../src/eval/train-topics.js';
import { maskTopics } from '../src/eval/topic-cv.js';
import { topicReport } from '../src/eval/topic-metrics.js';
import { topicTrainingData } from '../src/eval/topic-training-data.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { mulberry32 } from '../src/sentiment/train-linear-model.js';
import { buildTopicDataset, type TopicDataset, type TopicExample } from '../src/topics/topic-dataset.js';
import { fitTopicModelGroups, ownModelLanguages, predictTopicMasks, topicFolds, TOPIC_TRAIN_SETTINGS } from '../src/topics/train-topic-model.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';
import { numberOption } from './script-options.js';

const seed = numberOption('seed', 7);
const size = numberOption('join', 3);
const examples = SUPPORTED_LANGUAGES.flatMap((lang) => readTopicFile(join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`)).examples);
const wink = createWinkSentiment();
const { data, extra } = topicTrainingData({ env: process.env, examples, extraExamples: readTrainTopicExamples(process.env), wink });
const folds = topicFolds(
  data,
  examples.map((_, i) => i),
  5,
  seed,
);
// Joined mentions: each language's texts of a fold in a seeded order, `size` at a time.
const rand = mulberry32(seed);
const joined: { example: TopicExample; members: number[]; fold: number }[] = [];
for (const lang of SUPPORTED_LANGUAGES)
  for (let f = 0; f < 5; f++) {
    const order = examples
      .flatMap((e, i) => (e.lang === lang && folds[i] === f ? [{ i, key: rand() }] : []))
      .sort((a, b) => a.key - b.key)
      .map((r) => r.i);
    for (let s = 0; s + size <= order.length; s += size) {
      const members = order.slice(s, s + size);
      const topics = [...new Set(members.flatMap((i) => examples[i]!.topics))];
      joined.push({ example: { text: members.map((i) => examples[i]!.text).join(' '), lang, topics, aspects: {} }, members, fold: f });
    }
  }
const probes = buildTopicDataset(
  joined.map((j) => j.example),
  { wink, pieces: true, ...(data.domains ? { domains: data.domains } : {}), ...(data.feedItems ? { feedItems: data.feedItems } : {}) },
);
const whole = (d: TopicDataset): TopicDataset => ({ ...d, pieces: undefined });
const masks = { texts: [0, 0].map(() => new Array<number>(examples.length).fill(0)), joined: [0, 0].map(() => new Array<number>(joined.length).fill(0)) };
const own = ownModelLanguages(
  data,
  examples.map((_, i) => i),
  TOPIC_TRAIN_SETTINGS,
  extra,
);
for (let f = 0; f < 5; f++) {
  const file = fitTopicModelGroups(
    data,
    examples.flatMap((_, i) => (folds[i] !== f ? [i] : [])),
    TOPIC_TRAIN_SETTINGS,
    extra,
    own,
  );
  const rows = examples.flatMap((_, i) => (folds[i] === f ? [i] : []));
  const joinedRows = joined.flatMap((j, i) => (j.fold === f ? [i] : []));
  [whole(data), data].forEach((d, way) => predictTopicMasks(file, d, rows).forEach((m, k) => (masks.texts[way]![rows[k]!] = m)));
  [whole(probes), probes].forEach((d, way) => predictTopicMasks(file, d, joinedRows).forEach((m, k) => (masks.joined[way]![joinedRows[k]!] = m)));
  console.log(`fold ${f + 1} of 5`);
}
const line = (name: string, gold: readonly TopicExample[], predicted: readonly number[]): void => {
  const cells = [...SUPPORTED_LANGUAGES, 'all'].map((lang) => {
    const idx = gold.flatMap((e, i) => (lang === 'all' || e.lang === lang ? [i] : []));
    const r = topicReport(idx.map((i) => ({ gold: gold[i]!.topics, predicted: maskTopics(predicted[i]!) }))).micro;
    return `${lang} ${r.precision.toFixed(3)}/${r.recall.toFixed(3)} (F1 ${r.f1.toFixed(3)})`;
  });
  console.log(`${name.padEnd(30)} ${cells.join('  ')}`);
};
console.log(`micro P/R, fold seed ${seed}; ${joined.length} mentions of ${size} topic texts each`);
line('topic texts, whole', examples, masks.texts[0]!);
line('topic texts, in pieces', examples, masks.texts[1]!);
const gold = joined.map((j) => j.example);
line(`${size} joined, whole`, gold, masks.joined[0]!);
line(`${size} joined, in pieces`, gold, masks.joined[1]!);
line(
  `${size} joined, each text alone`,
  gold,
  joined.map((j) => j.members.reduce((m, i) => m | masks.texts[0]![i]!, 0)),
);

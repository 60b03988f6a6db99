// Measured the topic gate before it was built into the tagger (round 3): a separate tagger of the same kind trained on one label,
// "this text has some customer topic", by the same nested CV as the topic tagger (its per-language
// threshold or cue rule chosen by inner CV on the outer training rows only). A row's learned topics
// are kept only when the gate's out-of-fold answer is yes, in the languages given (default en ru kk;
// Hebrew and Estonian have too few topics to learn a gate). Both answers are out-of-fold, so the
// result is an honest estimate except for the choice of languages. Both run with the built-in gate
// off (gate=0), so this compares the tagger without a gate against the separate one.
// Run: npx tsx packages/nlp/scripts/cv-topic-gate.ts [--gate=en,ru,kk]

import { join } from 'node:path';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDir } from '../src/eval/shared-dir.js';
import { crossValidateTopics, maskTopics } from '../src/eval/topic-cv.js';
import { topicReport } from '../src/eval/topic-metrics.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { buildTopicDataset } from '../src/topics/topic-dataset.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';
import { TOPIC_TRAIN_SETTINGS } from '../src/topics/train-topic-model.js';
import { option } from './script-options.js';

const gated = new Set((option('gate') ?? 'en,ru,kk').split(','));
const examples = SUPPORTED_LANGUAGES.flatMap((lang) => readTopicFile(join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`)).examples);
const data = buildTopicDataset(examples, { wink: createWinkSentiment() });
// The gate's label and cue rule sit in bit 0: any topic, any topic's cue word.
const anyTopic = { ...data, labels: data.labels.map((y) => (y !== 0 ? 1 : 0)), cueMasks: data.cueMasks.map((c) => (c !== 0 ? 1 : 0)) };
const settings = { ...TOPIC_TRAIN_SETTINGS, gate: 0 };
const gate = crossValidateTopics(anyTopic, { folds: 5, seed: 7, settings });
const topics = crossValidateTopics(data, { folds: 5, seed: 7, settings });
for (const lang of [...SUPPORTED_LANGUAGES, 'all']) {
  const idx = examples.flatMap((e, i) => (lang === 'all' || e.lang === lang ? [i] : []));
  const plain = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: maskTopics(topics.learned[i]!) })));
  const open = (i: number): boolean => !gated.has(examples[i]!.lang) || (gate.learned[i]! & 1) === 1;
  const withGate = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: open(i) ? maskTopics(topics.learned[i]!) : [] })));
  const gateAlone = topicReport(
    idx.map((i) => ({ gold: examples[i]!.topics.length > 0 ? ['price'] : [], predicted: (gate.learned[i]! & 1) === 1 ? ['price'] : [] })),
  );
  console.log(
    `${lang}: tagger P ${plain.micro.precision} R ${plain.micro.recall} | gated P ${withGate.micro.precision} R ${withGate.micro.recall} | gate alone (any topic) P ${gateAlone.micro.precision} R ${gateAlone.micro.recall}`,
  );
}

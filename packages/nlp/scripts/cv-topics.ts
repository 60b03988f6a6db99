// Nested cross-validation of the learned topic tagger on shared/data/topics/dev, printed per language
// and topic beside the cue rules alone. Run: npx tsx packages/nlp/scripts/cv-topics.ts

import { join } from 'node:path';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDir } from '../src/eval/shared-dir.js';
import { crossValidateTopics, maskTopics } from '../src/eval/topic-cv.js';
import { topicReport } from '../src/eval/topic-metrics.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { buildTopicDataset } from '../src/topics/topic-dataset.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';

const examples = SUPPORTED_LANGUAGES.flatMap((lang) => readTopicFile(join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`)).examples);
let t0 = performance.now();
const data = buildTopicDataset(examples, { wink: createWinkSentiment() });
console.log(`features ${Math.round(performance.now() - t0)} ms, ${data.buckets.length} distinct`);
t0 = performance.now();
const cv = crossValidateTopics(data, { folds: 5, seed: 7 });
console.log(`cv ${Math.round(performance.now() - t0)} ms; modes ${JSON.stringify(cv.modeFolds)}`);
for (const lang of [...SUPPORTED_LANGUAGES, 'all']) {
  const idx = examples.flatMap((e, i) => (lang === 'all' || e.lang === lang ? [i] : []));
  const learned = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: maskTopics(cv.learned[i]!) })));
  const cues = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: maskTopics(cv.cues[i]!) })));
  console.log(`${lang}: learned P ${learned.micro.precision} R ${learned.micro.recall} | cues P ${cues.micro.precision} R ${cues.micro.recall}`);
  if (lang === 'all') for (const [t, v] of Object.entries(learned.perTopic)) console.log(`  ${t} n=${v.support} P ${v.precision} R ${v.recall} | cues P ${cues.perTopic[t]!.precision} R ${cues.perTopic[t]!.recall}`);
}

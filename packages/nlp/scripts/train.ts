// Trains every committed model and writes it to packages/nlp/models/: each language's sentiment model
// (<lang>.json), the Russian-or-Kazakh classifier language detection asks when unsure (cyrillic.json)
// and the learned topic tagger (topics.json, on shared/data/topics/dev of all five
// languages, thresholds and cue-rule topics chosen by inner cross-validation). Deterministic (fixed
// seeds, sorted output): the same data gives byte-identical files.
// Run: npm run train:nlp [-- lang … cyrillic topics]   (no arguments: all five languages, cyrillic and topics)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYRILLIC_CLASSIFIER_FILE, defaultModelsDir, modelPath } from '../src/sentiment/load-model-file.js';
import { trainCyrillicClassifier } from '../src/lang/train-cyrillic-classifier.js';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { sentimentTrainingSet } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import type { TopicExample } from '../src/topics/topic-dataset.js';
import { fitTopicModelGroups } from '../src/topics/train-topic-model.js';
import { readTrainTopicExamples } from '../src/eval/train-topics.js';
import { topicTrainingData } from '../src/eval/topic-training-data.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';

const args = process.argv.slice(2);
const langs = args.length > 0 ? args.filter((a) => a !== 'topics' && a !== 'cyrillic') : [...SUPPORTED_LANGUAGES];
const withTopics = args.length === 0 || args.includes('topics');
const withCyrillic = args.length === 0 || args.includes('cyrillic');
const modelsDir = defaultModelsDir();
mkdirSync(modelsDir, { recursive: true });
const wink = createWinkSentiment();
let failed = false;
const report = (path: string, errors: { line: number; reason: string }[]): void => {
  for (const e of errors) console.error(`${path}:${e.line}: ${e.reason}`);
};

for (const lang of langs) {
  const set = sentimentTrainingSet({ env: process.env, lang, onErrors: report });
  if (!set) {
    console.error(`no training data for ${lang} (set EARSHOT_SHARED or put shared/ beside the repo)`);
    failed = true;
    continue;
  }
  const started = performance.now();
  const model = trainSentimentModel({ lang, examples: set.examples, wink, nbExamples: set.nbExamples, priorExamples: set.priorExamples });
  const json = `${JSON.stringify(model)}\n`;
  writeFileSync(modelPath(modelsDir, lang), json);
  console.log(
    `${lang}: ${model.trainedOn.examples} examples (${set.description}), ${model.buckets.length} features, ${(json.length / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms`,
  );
}

if (withCyrillic) {
  const started = performance.now();
  const file = trainCyrillicClassifier(process.env);
  if (!file) {
    console.error('no Russian or Kazakh train data for the Cyrillic classifier');
    failed = true;
  } else {
    const json = `${JSON.stringify(file)}\n`;
    writeFileSync(join(modelsDir, CYRILLIC_CLASSIFIER_FILE), json);
    console.log(
      `cyrillic (Russian or Kazakh where the cue words are unsure): ${file.trainedOn.examples} train texts, ${file.buckets.length} features, ${(json.length / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms`,
    );
  }
}

const topicExamples: TopicExample[] = [];
for (const lang of withTopics ? SUPPORTED_LANGUAGES : []) {
  const path = sharedDataFile(process.env, 'topics/dev', lang);
  if (!path) {
    console.error(`no topic data for ${lang}`);
    failed = true;
    continue;
  }
  const { examples, errors } = readTopicFile(path);
  report(path, errors);
  topicExamples.push(...examples.filter((e) => e.lang === lang));
}
if (topicExamples.length > 0) {
  const started = performance.now();
  // Our topic labels of shared train and sentiment dev rows (eval/train-topics.ts): trained on, never used to choose thresholds or rules.
  const extraExamples = readTrainTopicExamples(process.env);
  // With the text-domain and feed-item classifiers, learned from the sentiment texts that are neither (topic-training-data.ts).
  // Training reads whole texts; the pieces long mentions are tagged in are for cross-validation (round 29).
  const { data, extra, domains, feedItems } = topicTrainingData({ env: process.env, examples: topicExamples, extraExamples, wink, pieces: false });
  const file = fitTopicModelGroups(
    data,
    topicExamples.map((_, i) => i),
    undefined,
    extra,
  );
  const json = `${JSON.stringify(file)}\n`;
  writeFileSync(join(modelsDir, 'topics.json'), json);
  const rules = SUPPORTED_LANGUAGES.map(
    (lang, l) =>
      `\n  ${lang}: ${file.topics.map((t, i) => `${t} ${file.modes[l]![i] === 'model' ? `≥${(file.languageThresholds?.[l] ?? file.thresholds)[i]}` : file.modes[l]![i]}`).join(', ')}`,
  ).join('');
  console.log(
    `topics: ${topicExamples.length} examples and ${extraExamples.length} labeled rows of ours, ${file.buckets.length} features${file.languageWeights ? ` (own weights: ${file.languageWeights.map((w) => `${w.lang} ${w.buckets.length}`).join(', ')})` : ''}, text domains ${domains.map((d) => `${d.lang} ${d.classes.join('/')} (${d.trainedOn.examples} texts)`).join(', ')}, feed items ${feedItems.map((d) => `${d.lang} (${d.trainedOn.examples} texts)`).join(', ')}, ${(json.length / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms; ${rules}`,
  );
}
process.exitCode = failed ? 1 : 0;

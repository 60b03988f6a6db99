// Nested cross-validation of the learned topic tagger on shared/data/topics/dev, printed per language
// and topic beside the cue rules alone; then the tagger on our labeled feed items (eval/feed-topics.ts),
// without and with the feed-item gate (topics/feed-items.ts), cross-validated by feed.
// Run: npx tsx packages/nlp/scripts/cv-topics.ts [--no-feed-items] [--seed=N] …

import { basename, join } from 'node:path';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDir } from '../src/eval/shared-dir.js';
import { crossValidateFeedItems } from '../src/eval/feed-topic-cv.js';
import { readTrainTopicExamples, readTrainTopicLabels } from '../src/eval/train-topics.js';
import { pathToFileURL } from 'node:url';
import { crossValidateTopics, maskTopics } from '../src/eval/topic-cv.js';
import { FEED_ITEM_BAR } from '../src/topics/decide-topics.js';
import { topicReport } from '../src/eval/topic-metrics.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { topicTrainingData } from '../src/eval/topic-training-data.js';
import { TOPIC_TRAIN_SETTINGS } from '../src/topics/train-topic-model.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';
import { flag, numberOption, option } from './script-options.js';

const examples = SUPPORTED_LANGUAGES.flatMap((lang) => readTopicFile(join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`)).examples);
let t0 = performance.now();
// --cross=W: add character n-grams across word boundaries at weight W (cross-word-ngrams.ts).
const crossWord = numberOption('cross', 0);
const wink = createWinkSentiment();
// --extra[=path,…]: our topic labels of shared rows (eval/train-topics.ts) added to every training part, never
// scored; --extra alone reads data/train-topics.jsonl, paths read those files one after the other.
const extraPaths = option('extra');
const extraExamples =
  extraPaths !== undefined
    ? extraPaths.split(',').flatMap((path) => readTrainTopicExamples(process.env, readTrainTopicLabels(pathToFileURL(path)), basename(path)))
    : flag('extra')
      ? readTrainTopicExamples(process.env)
      : [];
// --no-domains: without the text-domain features (text-domains.ts), as before round 8.
// --no-feed-items: without the feed-item gate, as before round 13.
// --whole: long texts judged whole, not in pieces (mention-pieces.ts), as before round 29.
const pieces = !flag('whole');
const { data, extra, domains, feeds } = topicTrainingData({
  pieces,
  env: process.env,
  examples,
  extraExamples,
  wink,
  crossWord,
  domains: !flag('no-domains'),
  feedItems: !flag('no-feed-items'),
});
console.log(`features ${Math.round(performance.now() - t0)} ms, ${data.buckets.length} distinct; ${extra.length} extra rows`);
t0 = performance.now();
// --set beta=0.5,minPrecision=0.5: try other training settings (chosen by inner CV only when they are the defaults).
const overrides = Object.fromEntries(
  (option('set')?.split(',') ?? []).filter(Boolean).map((kv) => {
    const [k, v] = kv.split('=');
    return [k!, Number(v)];
  }),
);
const settings = { ...TOPIC_TRAIN_SETTINGS, ...overrides };
console.log(`settings ${JSON.stringify(settings)}`);
// --seed=N: other outer folds (the benchmark's are seed 7), to see how much a difference is noise.
const seed = numberOption('seed', 7);
// --per-language: one model per language, trained on that language's rows only (--set=ownModelRows=Infinity: one shared model).
// --share=0.5: train on half of each outer training part (a learning curve: how much more labeled data would give).
const trainShare = numberOption('share', 1);
// --extra-share=0.5: add half of the rows of ours to each training part (how much more of them would give).
const extraShare = numberOption('extra-share', 1);
const cv = crossValidateTopics(data, { folds: 5, seed, settings, perLanguage: flag('per-language'), trainShare, extra, extraShare });
console.log(`cv ${Math.round(performance.now() - t0)} ms; modes ${JSON.stringify(cv.modeFolds)}`);
for (const lang of [...SUPPORTED_LANGUAGES, 'all']) {
  const idx = examples.flatMap((e, i) => (lang === 'all' || e.lang === lang ? [i] : []));
  const learned = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: maskTopics(cv.learned[i]!) })));
  const cues = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: maskTopics(cv.cues[i]!) })));
  console.log(`${lang}: learned P ${learned.micro.precision} R ${learned.micro.recall} | cues P ${cues.micro.precision} R ${cues.micro.recall}`);
  console.log(
    `  ${lang} per topic (found/predicted/support): ${Object.entries(learned.perTopic)
      .filter(([, v]) => v.predicted + v.support > 0)
      .map(([t, v]) => `${t} ${Math.round(v.recall * v.support)}/${v.predicted}/${v.support}`)
      .join(', ')}`,
  );
  if (lang === 'all')
    for (const [t, v] of Object.entries(learned.perTopic))
      console.log(`  ${t} n=${v.support} P ${v.precision} R ${v.recall} | cues P ${cues.perTopic[t]!.precision} R ${cues.perTopic[t]!.recall}`);
}

const byFeed = crossValidateFeedItems({ env: process.env, topicTexts: examples, extraTexts: extraExamples, feeds, domains, wink, settings, pieces });
for (const [name, masks] of [
  ['without the gate', byFeed.ungated],
  ['with the gate', byFeed.gated],
] as const) {
  const report = topicReport(masks.map((mask, i) => ({ gold: feeds[i]!.topics, predicted: maskTopics(mask) })));
  const tagged = masks.filter((m) => m !== 0).length;
  console.log(
    `feed items (${feeds.length}), ${name}: P ${report.micro.precision} R ${report.micro.recall}, ${tagged} tagged (${feeds.filter((e) => e.topics.length).length} have topics)`,
  );
}
const flagged = byFeed.probability.filter((p) => p >= FEED_ITEM_BAR).length;
console.log(`  read as feed items (by classifiers that never saw their feed): ${flagged} of ${feeds.filter((e) => e.lang === 'en').length} English items`);
if (data.feedItemProbability) {
  const flaggedTexts = examples.filter((_, i) => data.feedItemProbability![i]! >= FEED_ITEM_BAR);
  console.log(
    `  topic texts read as feed items: ${flaggedTexts.length} of ${examples.length} (${flaggedTexts.filter((e) => e.topics.length).length} with topics)`,
  );
}

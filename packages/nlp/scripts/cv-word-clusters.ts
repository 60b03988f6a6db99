// Measures word classes learned from unlabeled text (word-clusters.ts) as extra features,
// side by side with the shipped features, by the benchmark's cross-validation. The classes are built
// without the texts being scored: for sentiment from the sentiment train texts and topics/dev, for
// topics from the sentiment train and dev texts. Run:
// npx tsx packages/nlp/scripts/cv-word-clusters.ts [sentiment|topics] [--langs=ru,kk] [--k=64,256,1024] [--seeds=7,11]

import { join } from 'node:path';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDataFile, sharedDir } from '../src/eval/shared-dir.js';
import { crossValidateTopics, maskTopics } from '../src/eval/topic-cv.js';
import { topicReport } from '../src/eval/topic-metrics.js';
import { LANGUAGE_SETTINGS, type LanguageSettings } from '../src/sentiment/language-features.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { prepareText } from '../src/text/prepare-text.js';
import { crossValidatedMacroF1 } from './sentiment-cv.js';
import { buildWordClusters } from './word-clusters.js';
import { buildTopicDataset } from '../src/topics/topic-dataset.js';
import { TOPIC_TRAIN_SETTINGS } from '../src/topics/train-topic-model.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';
import { flag, numberListOption, numberOption, option, positional } from './script-options.js';

const task = positional()[0] ?? 'sentiment';
const langs = option('langs')?.split(',') ?? [...SUPPORTED_LANGUAGES];
const granularities = numberListOption('k', [64, 256, 1024]);
const seeds = numberListOption('seeds', [7, 11]);
const window = numberOption('window', 3);
const perFold = flag('per-fold');
const wink = createWinkSentiment();

const sentimentTexts = (lang: string, split: 'dev' | 'train'): string[] => {
  const file = sharedDataFile(process.env, `sentiment/${split}`, lang);
  return file ? readLabeledFile(file).examples.map((e) => e.text) : [];
};
const topicTexts = (lang: string): string[] => readTopicFile(topicFile(lang)).examples.map((e) => e.text);
const topicFile = (lang: string): string => join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`);

function clustersFrom(texts: readonly string[]): ReadonlyMap<string, readonly number[]> {
  const started = performance.now();
  const clusters = buildWordClusters(
    texts.map((t) => prepareText(t).words),
    { granularities, window },
  );
  console.log(`  classes from ${texts.length} texts: ${clusters.size} words in ${Math.round(performance.now() - started)} ms`);
  return clusters;
}

if (task === 'sentiment') {
  for (const lang of langs) {
    const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
    const shipped = LANGUAGE_SETTINGS[lang] ?? {};
    const unlabeled = [...sentimentTexts(lang, 'train'), ...topicTexts(lang)];
    const wordClasses = perFold ? undefined : clustersFrom(unlabeled);
    const results = [
      crossValidatedMacroF1({ lang, dev, settings: shipped, seeds, wink }),
      crossValidatedMacroF1({
        lang,
        dev,
        settings: { ...shipped, ...(wordClasses ? { wordClasses } : {}) },
        seeds,
        wink,
        // --per-fold: the classes also learn from the training part's dev texts, as shipped classes would learn from all of dev.
        ...(perFold ? { settingsForPart: (rows) => ({ ...shipped, wordClasses: clustersFrom([...unlabeled, ...rows.map((e) => e.text)]) }) } : {}),
      }),
    ];
    const diffs = results[1]!.map((s, i) => s - results[0]![i]!);
    console.log(
      `${lang}: shipped ${results[0]!.map((s) => s.toFixed(3)).join(' ')} | classes ${results[1]!.map((s) => s.toFixed(3)).join(' ')} | diff mean ${(diffs.reduce((a, b) => a + b, 0) / diffs.length).toFixed(3)}`,
    );
  }
} else {
  const examples = SUPPORTED_LANGUAGES.flatMap((lang) => readTopicFile(topicFile(lang)).examples);
  const settings: Record<string, LanguageSettings> = {};
  for (const lang of langs) {
    console.log(lang);
    settings[lang] = { ...(LANGUAGE_SETTINGS[lang] ?? {}), wordClasses: clustersFrom([...sentimentTexts(lang, 'train'), ...sentimentTexts(lang, 'dev')]) };
  }
  const datasets = { shipped: buildTopicDataset(examples, { wink }), classes: buildTopicDataset(examples, { wink, settings }) };
  for (const seed of seeds)
    for (const [name, data] of Object.entries(datasets)) {
      const cv = crossValidateTopics(data, { folds: 5, seed, settings: TOPIC_TRAIN_SETTINGS });
      const line = [...SUPPORTED_LANGUAGES, 'all'].map((lang) => {
        const idx = examples.flatMap((e, i) => (lang === 'all' || e.lang === lang ? [i] : []));
        const r = topicReport(idx.map((i) => ({ gold: examples[i]!.topics, predicted: maskTopics(cv.learned[i]!) })));
        return `${lang} ${r.micro.precision.toFixed(3)}/${r.micro.recall.toFixed(3)}`;
      });
      console.log(`seed ${seed} ${name}: ${line.join('  ')}`);
    }
}

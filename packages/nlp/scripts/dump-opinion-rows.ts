// Dumps, per dev text, what an opinion/no-opinion gate could read: the out-of-fold sentiment
// score of the language's own model (5-fold CV, seed 7: the benchmark's folds; training set as
// training-set.ts builds it), the polar lexicon hits and surface cues. English tweets (with a
// neutral class) are scored by a model trained on dev only. scripts/measure-opinion-gate.ts fits
// and measures the gate on these rows.
// Run: npx tsx packages/nlp/scripts/dump-opinion-rows.ts OUT.jsonl [lang …]

import { writeFileSync } from 'node:fs';
import { readLabeledFile, type LabeledExample } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { FeatureBuffer } from '../src/sentiment/feature-buffer.js';
import { createLanguageFeatures, LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { loadLinearModel, type LinearModelFile } from '../src/sentiment/linear-model.js';
import { extraTrainingRows } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { prepareText } from '../src/text/prepare-text.js';

const [out, ...rest] = process.argv.slice(2);
if (!out) throw new Error('usage: dump-opinion-rows.ts OUT.jsonl [lang …]');
const langs = rest.length > 0 ? rest : ['en', 'ru', 'kk', 'he', 'et'];
const wink = createWinkSentiment();

interface OpinionRow {
  set: string;
  lang: string;
  text: string;
  gold: string;
  label: string;
  score: number;
  positive: number;
  negative: number;
}

function score(set: string, lang: string, file: LinearModelFile, texts: LabeledExample[]): OpinionRow[] {
  const { extractor } = createLanguageFeatures({ lang, wink });
  const model = loadLinearModel(file);
  const buffer = new FeatureBuffer();
  const p = new Float64Array(model.classes.length);
  const pos = model.classes.indexOf('positive');
  const neg = model.classes.indexOf('negative');
  return texts.map((e) => {
    const hits = extractor.extractInto(prepareText(e.text), buffer);
    model.predictInto(buffer, buffer.length, p);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return {
      set,
      lang,
      text: e.text,
      gold: e.label,
      label: model.classes[best]!,
      score: (pos >= 0 ? p[pos]! : 0) - (neg >= 0 ? p[neg]! : 0),
      positive: hits.positive,
      negative: hits.negative,
    };
  });
}

const rows: OpinionRow[] = [];
for (const lang of langs) {
  const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
  const added = extraTrainingRows({ env: process.env, lang, extra: LANGUAGE_SETTINGS[lang]?.trainData, weight: LANGUAGE_SETTINGS[lang]?.trainWeight ?? 1 });
  const folds = stratifiedFolds(
    dev.map((e) => e.label),
    5,
    7,
  );
  for (let f = 0; f < 5; f++) {
    const model = trainSentimentModel({ lang, examples: [...dev.filter((_, i) => folds[i] !== f), ...added], wink });
    rows.push(
      ...score(
        'dev',
        lang,
        model,
        dev.filter((_, i) => folds[i] === f),
      ),
    );
  }
  if (lang === 'en') {
    const tweets = readLabeledFile(sharedDataFile(process.env, 'sentiment/train', 'en')!).examples;
    rows.push(...score('tweets', lang, trainSentimentModel({ lang, examples: dev, wink }), tweets));
  }
  console.log(`${lang}: ${rows.length} rows so far`);
}
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

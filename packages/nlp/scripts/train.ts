// Trains the sentiment model of each language on all of shared/data/sentiment/dev/<lang>.jsonl and
// writes packages/nlp/models/<lang>.json. Deterministic (fixed seed, sorted output): the same data
// gives byte-identical files. Run: npx tsx packages/nlp/scripts/train.ts [lang …]

import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultModelsDir, modelPath } from '../src/sentiment/load-model-file.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sentimentDevFile } from '../src/eval/shared-dir.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { SUPPORTED_LANGUAGES } from '../src/types.js';

const langs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [...SUPPORTED_LANGUAGES];
const modelsDir = defaultModelsDir();
mkdirSync(modelsDir, { recursive: true });
const wink = createWinkSentiment();
let failed = false;
for (const lang of langs) {
  const file = sentimentDevFile(process.env, lang);
  if (!file) {
    console.error(`no training data for ${lang} (set EARSHOT_SHARED or put shared/ beside the repo)`);
    failed = true;
    continue;
  }
  const { examples, errors } = readLabeledFile(file);
  for (const e of errors) console.error(`${file}:${e.line}: ${e.reason}`);
  const started = performance.now();
  const model = trainSentimentModel({ lang, examples: examples.filter((e) => e.lang === lang), wink });
  const json = `${JSON.stringify(model)}\n`;
  writeFileSync(modelPath(modelsDir, lang), json);
  console.log(`${lang}: ${model.trainedOn.examples} examples, ${model.buckets.length} features, ${(json.length / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms`);
}
process.exitCode = failed ? 1 : 0;

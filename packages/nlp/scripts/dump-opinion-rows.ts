// Dumps, per dev text, what an opinion/no-opinion gate could read: the out-of-fold sentiment
// score of the language's own model (5-fold CV, seed 7: the benchmark's folds; training set as
// training-set.ts builds it), the polar lexicon hits and surface cues. English tweets (with a
// neutral class) are scored by a model trained on dev only. scripts/measure-opinion-gate.ts fits
// and measures the gate on these rows.
// Run: npx tsx packages/nlp/scripts/dump-opinion-rows.ts OUT.jsonl [lang …]

import { writeFileSync } from 'node:fs';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { outOfFoldScores, readDev, scoreTexts, type OpinionRow, type ScoredText } from './out-of-fold-scores.js';

const [out, ...rest] = process.argv.slice(2);
if (!out) throw new Error('usage: dump-opinion-rows.ts OUT.jsonl [lang …]');
const langs = rest.length > 0 ? rest : ['en', 'ru', 'kk', 'he', 'et'];
const wink = createWinkSentiment();

function opinionRows(set: string, lang: string, scored: ScoredText[]): OpinionRow[] {
  return scored.map(({ text, gold, label, score, positive, negative }) => ({ set, lang, text, gold, label, score, positive, negative }));
}

const rows: OpinionRow[] = [];
for (const lang of langs) {
  const dev = readDev(lang);
  rows.push(...opinionRows('dev', lang, outOfFoldScores(lang, dev, wink)));
  if (lang === 'en') {
    const tweets = readLabeledFile(sharedDataFile(process.env, 'sentiment/train', 'en')!).examples;
    rows.push(...opinionRows('tweets', lang, scoreTexts(lang, trainSentimentModel({ lang, examples: dev, wink }), tweets, wink)));
  }
  console.log(`${lang}: ${rows.length} rows so far`);
}
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

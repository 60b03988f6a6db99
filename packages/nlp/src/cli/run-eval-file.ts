// Picks the evaluation `earshot nlp eval <file>` runs from the file's first line: topic-labeled
// lines ("topics") get topic precision/recall, sentiment-labeled lines ("label") get sentiment scores.

import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Analyzer } from '../types.js';
import { looksLikeTopicFile } from '../eval/read-topics.js';
import { runEval, type EvalResult } from './run-eval.js';
import { runTopicEval, type TopicEvalResult } from './run-topic-eval.js';

export function runEvalFile(options: { file: string; output: Writable; errors: Writable; analyzer?: Analyzer }): EvalResult | TopicEvalResult {
  return looksLikeTopicFile(readFileSync(options.file, 'utf8')) ? runTopicEval(options) : runEval(options);
}

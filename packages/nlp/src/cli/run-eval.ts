// `earshot nlp eval <file.jsonl>`: scores the analyzer on labeled lines {"text", "label", "lang"}
// (the shape of shared/data/sentiment/dev) and prints one JSON object: per language n, accuracy,
// macro-F1 over the labels that language's gold data uses, the confusion matrix and language
// detection accuracy; overall documents per second. The analyzer is not told the language.

import type { Writable } from 'node:stream';
import type { Analyzer } from '../types.js';
import { createAnalyzer } from '../analyzer.js';
import { classificationReport, type ClassificationReport } from '../eval/metrics.js';
import { readLabeledFile, type LabeledExample } from '../eval/read-labeled.js';

export interface EvalResult {
  file: string;
  languages: Record<string, ClassificationReport & { langDetectionAccuracy: number }>;
  overall: { n: number; accuracy: number; langDetectionAccuracy: number; docsPerSecond: number; skippedLines: number };
}

export interface RunEvalOptions {
  file: string;
  output: Writable;
  errors: Writable;
  analyzer?: Analyzer;
}

export function runEval(options: RunEvalOptions): EvalResult {
  const { examples, errors } = readLabeledFile(options.file);
  for (const e of errors) options.errors.write(`line ${e.line}: ${e.reason}, skipped\n`);
  assertSomethingToScore(options.file, examples.length, errors.length);
  const analyzer = options.analyzer ?? createAnalyzer();
  const result = evaluateExamples(examples, analyzer);
  const out: EvalResult = { file: options.file, ...result, overall: { ...result.overall, skippedLines: errors.length } };
  options.output.write(`${JSON.stringify(out, null, 2)}\n`);
  return out;
}

export function evaluateExamples(
  examples: LabeledExample[],
  analyzer: Analyzer,
): Omit<EvalResult, 'file' | 'overall'> & { overall: Omit<EvalResult['overall'], 'skippedLines'> } {
  const started = performance.now();
  const predictions = analyzer.analyzeBatch(examples.map((e) => ({ text: e.text })));
  const seconds = (performance.now() - started) / 1000;
  const languages: EvalResult['languages'] = {};
  for (const lang of [...new Set(examples.map((e) => e.lang))].sort()) {
    const idx = examples.flatMap((e, i) => (e.lang === lang ? [i] : []));
    const report = classificationReport(idx.map((i) => ({ gold: examples[i]!.label, predicted: predictions[i]!.sentiment.label })));
    const detected = idx.filter((i) => predictions[i]!.lang === lang).length;
    languages[lang] = { ...report, langDetectionAccuracy: round(detected / idx.length) };
  }
  const correct = examples.filter((e, i) => predictions[i]!.sentiment.label === e.label).length;
  const detected = examples.filter((e, i) => predictions[i]!.lang === e.lang).length;
  const n = examples.length;
  return {
    languages,
    overall: {
      n,
      accuracy: n === 0 ? 0 : round(correct / n),
      langDetectionAccuracy: n === 0 ? 0 : round(detected / n),
      docsPerSecond: seconds > 0 ? Math.round(n / seconds) : 0,
    },
  };
}

/**
 * Scores over no rows would print zeros that read like a result: a file with no line to score is an
 * error that says so, and which shapes a line may have.
 */
export function assertSomethingToScore(file: string, rows: number, skipped: number): void {
  if (rows > 0) return;
  throw new Error(
    `${file}: no labeled line to score (${skipped === 0 ? 'the file is empty' : `${skipped} line${skipped === 1 ? '' : 's'} skipped`}); expected JSON Lines of {"text", "label", "lang"} (sentiment) or {"text", "lang", "topics", "aspects"} (topics)`,
  );
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

// `earshot nlp analyze`: JSON Lines {"text": …} in, the same objects out with language, sentiment,
// topics (each with its aspect sentiment) and word-of-mouth signals added. A bad line is reported
// on the error stream with its number and skipped; the stream goes on.

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Analyzer } from '../types.js';
import { createAnalyzer } from '../analyzer.js';

export interface RunAnalyzeOptions {
  input: Readable;
  output: Writable;
  errors: Writable;
  analyzer?: Analyzer;
}

export async function runAnalyze(options: RunAnalyzeOptions): Promise<{ analyzed: number; failed: number }> {
  const analyzer = options.analyzer ?? createAnalyzer();
  let lineNo = 0;
  let analyzed = 0;
  let failed = 0;
  for await (const raw of createInterface({ input: options.input, crlfDelay: Infinity })) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      options.errors.write(`line ${lineNo}: not valid JSON, skipped\n`);
      failed++;
      continue;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof (v as Record<string, unknown>).text !== 'string') {
      options.errors.write(`line ${lineNo}: expected an object with a "text" string, skipped\n`);
      failed++;
      continue;
    }
    const obj = v as Record<string, unknown>;
    const hint = typeof obj.lang === 'string' ? obj.lang : typeof obj.langHint === 'string' ? obj.langHint : undefined;
    const analysis = analyzer.analyze(obj.text as string, hint ? { langHint: hint } : {});
    options.output.write(`${JSON.stringify({ ...obj, ...analysis })}\n`);
    analyzed++;
  }
  return { analyzed, failed };
}

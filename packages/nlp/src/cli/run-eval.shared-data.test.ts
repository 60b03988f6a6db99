// runEval on a sample of the real labeled dev data (shared/data/sentiment/dev): the JSON it prints
// has the documented shape for every language. Skips with a message when the shared folder is
// absent (a user's clone); fails instead under CI=true.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyzer.js';
import { sharedForTest } from '../eval/shared-dir.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { runEval, type EvalResult } from './run-eval.js';

const PER_LANGUAGE = 30;
const dev = sharedForTest(process.env, join('data', 'sentiment', 'dev'));
if (dev.missing) console.warn(`skipping runEval on shared dev data: ${dev.missing}`);

describe.skipIf(dev.missing !== undefined)('runEval on a sample of shared/data/sentiment/dev', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-nlp-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports n, accuracy, macro-F1, confusion and detection accuracy per language, and throughput', () => {
    const lines: string[] = [];
    for (const lang of SUPPORTED_LANGUAGES) {
      const all = readFileSync(join(dev.path, `${lang}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      lines.push(...all.slice(0, PER_LANGUAGE));
    }
    const file = join(dir, 'sample.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    let printed = '';
    const output = new Writable({
      write(chunk: Buffer | string, _enc, cb) {
        printed += chunk.toString();
        cb();
      },
    });
    const errors = new Writable({
      write(_chunk, _enc, cb) {
        cb();
      },
    });

    const result = runEval({ file, output, errors, analyzer: createAnalyzer() });

    expect(JSON.parse(printed) as EvalResult).toEqual(result);
    expect(Object.keys(result.languages)).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const [lang, report] of Object.entries(result.languages)) {
      expect(report.n, lang).toBe(PER_LANGUAGE);
      for (const v of [report.accuracy, report.macroF1, report.langDetectionAccuracy]) {
        expect(v, lang).toBeGreaterThanOrEqual(0);
        expect(v, lang).toBeLessThanOrEqual(1);
      }
      expect(report.langDetectionAccuracy, lang).toBeGreaterThan(0.8);
      expect(Object.keys(report.f1).sort(), lang).toEqual([...report.labels].sort());
      let cells = 0;
      for (const gold of report.labels) for (const n of Object.values(report.confusion[gold] ?? {})) cells += n;
      expect(cells, lang).toBe(PER_LANGUAGE);
    }
    expect(result.overall).toMatchObject({ n: PER_LANGUAGE * SUPPORTED_LANGUAGES.length, skippedLines: 0 });
    expect(result.overall.docsPerSecond).toBeGreaterThan(0);
    expect(result.overall.accuracy).toBeGreaterThan(0.5);
  });
});

import { fileURLToPath } from 'node:url';
import { Readable, Writable } from 'node:stream';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyzer.js';
import { runAnalyze } from './run-analyze.js';
import { runEval } from './run-eval.js';
import { runEvalFile } from './run-eval-file.js';
import type { TopicEvalResult } from './run-topic-eval.js';

const testdata = (name: string): string => fileURLToPath(new URL(`../../testdata/${name}`, import.meta.url));

function sink(): { stream: Writable; text: () => string } {
  let buf = '';
  return {
    stream: new Writable({
      write(chunk: Buffer | string, _enc, cb) {
        buf += chunk.toString();
        cb();
      },
    }),
    text: () => buf,
  };
}

describe('runAnalyze', () => {
  const analyzer = createAnalyzer();
  it('annotates each line, keeps its fields, and reports bad lines by number', async () => {
    const out = sink();
    const err = sink();
    const result = await runAnalyze({ input: createReadStream(testdata('analyze-sample.jsonl')), output: out.stream, errors: err.stream, analyzer });
    expect(result).toEqual({ analyzed: 3, failed: 2 });
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.lang])).toEqual([
      [1, 'en'],
      [4, 'ru'],
      [5, 'kk'],
    ]);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['text', 'langConfidence', 'sentiment', 'topics', 'signals']));
    expect((lines[0]!.signals as { recommendation: boolean }).recommendation).toBe(true);
    expect((lines[1]!.signals as { warning: boolean }).warning).toBe(true);
    expect(err.text()).toContain('line 2: not valid JSON');
    expect(err.text()).toContain('line 3: expected an object with a "text" string');
  });

  it('reads from any stream', async () => {
    const out = sink();
    await runAnalyze({ input: Readable.from(['{"text":"great"}\n']), output: out.stream, errors: sink().stream, analyzer });
    expect(JSON.parse(out.text()).sentiment.label).toBe('positive');
  });
});

describe('runEval', () => {
  it('prints per-language metrics, detection accuracy and throughput as one JSON object', () => {
    const out = sink();
    const err = sink();
    const result = runEval({ file: testdata('eval-sample.jsonl'), output: out.stream, errors: err.stream, analyzer: createAnalyzer() });
    const printed = JSON.parse(out.text()) as typeof result;
    expect(printed).toEqual(result);
    expect(Object.keys(result.languages)).toEqual(['en', 'et', 'he', 'kk', 'ru']);
    expect(result.languages.ru!.n).toBe(3);
    expect(result.languages.ru!.labels).toEqual(['negative', 'neutral', 'positive']);
    expect(result.languages.en!.labels).toEqual(['negative', 'positive']);
    expect(result.languages.en!.confusion.positive).toBeDefined();
    expect(result.overall.n).toBe(9);
    expect(result.overall.skippedLines).toBe(1);
    expect(result.overall.docsPerSecond).toBeGreaterThan(0);
    expect(result.overall.langDetectionAccuracy).toBeGreaterThan(0.8);
    expect(err.text()).toContain('line 10');
  });
});

describe('runEvalFile on a topic file', () => {
  it('prints topic precision/recall per topic and language and aspect accuracy', () => {
    const out = sink();
    const result = runEvalFile({ file: testdata('topics.jsonl'), output: out.stream, errors: sink().stream, analyzer: createAnalyzer() }) as TopicEvalResult;
    expect(result.kind).toBe('topics');
    expect(JSON.parse(out.text())).toEqual(result);
    expect(Object.keys(result.languages)).toEqual(['en', 'et', 'he', 'kk', 'ru']);
    for (const report of Object.values(result.languages)) {
      expect(Object.keys(report.perTopic)).toContain('price');
      expect(report.micro.precision).toBeGreaterThan(0);
    }
    expect(result.overall.micro.recall).toBeGreaterThan(0.3);
    expect(result.overall.perTopic.delivery!.support).toBeGreaterThan(0);
  });

  it('still scores sentiment files as before', () => {
    const result = runEvalFile({ file: testdata('eval-sample.jsonl'), output: sink().stream, errors: sink().stream, analyzer: createAnalyzer() });
    expect('kind' in result).toBe(false);
  });
});

describe('runEvalFile on a file with nothing to score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const run = (path: string): { out: string; err: string; thrown: unknown } => {
    const out = sink();
    const err = sink();
    try {
      runEvalFile({ file: path, output: out.stream, errors: err.stream, analyzer: createAnalyzer() });
      return { out: out.text(), err: err.text(), thrown: undefined };
    } catch (e) {
      return { out: out.text(), err: err.text(), thrown: e };
    }
  };

  it('says the file is empty instead of printing zeros', () => {
    const { out, thrown } = run(file('empty.jsonl', ''));
    expect(out).toBe('');
    expect(String(thrown)).toContain('empty.jsonl: no labeled line to score (the file is empty)');
  });

  it('says how many lines were skipped, and which shapes a line may have', () => {
    const sentiment = run(file('labels.jsonl', '{"text":"fine","label":"happy","lang":"en"}\nnot json\n'));
    expect(sentiment.err).toContain('line 1: missing or unknown "label", skipped');
    expect(String(sentiment.thrown)).toContain('labels.jsonl: no labeled line to score (2 lines skipped)');
    expect(String(sentiment.thrown)).toContain('{"text", "lang", "topics", "aspects"}');
    const topics = run(file('topics.jsonl', '{"text":"late again","lang":"en","topics":["bogus"],"aspects":{}}\n'));
    expect(topics.err).toContain('line 1: unknown topic "bogus", skipped');
    expect(String(topics.thrown)).toContain('topics.jsonl: no labeled line to score (1 line skipped)');
  });
});

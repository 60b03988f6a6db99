// `earshot nlp eval <file.jsonl>` on topic-labeled lines ({"text", "lang", "topics", "aspects"}, the
// shape of shared/data/topics): prints one JSON object with, per language and overall, topic
// precision/recall per topic and micro-averaged, and aspect-sentiment accuracy on the topics found
// correctly. The analyzer is not told the language.

import type { Writable } from 'node:stream';
import type { Analyzer } from '../types.js';
import { createAnalyzer } from '../analyzer.js';
import { readTopicFile } from '../eval/read-topics.js';
import { topicReport, type TopicReport } from '../eval/topic-metrics.js';
import { assertSomethingToScore } from './run-eval.js';

export interface TopicEvalResult {
  file: string;
  kind: 'topics';
  languages: Record<string, TopicReport & { langDetectionAccuracy: number }>;
  overall: TopicReport & { docsPerSecond: number; skippedLines: number };
}

export function runTopicEval(options: { file: string; output: Writable; errors: Writable; analyzer?: Analyzer }): TopicEvalResult {
  const { examples, errors } = readTopicFile(options.file);
  for (const e of errors) options.errors.write(`line ${e.line}: ${e.reason}, skipped\n`);
  assertSomethingToScore(options.file, examples.length, errors.length);
  const analyzer = options.analyzer ?? createAnalyzer();
  const started = performance.now();
  const predictions = analyzer.analyzeBatch(examples.map((e) => ({ text: e.text })));
  const seconds = (performance.now() - started) / 1000;
  const rows = examples.map((e, i) => {
    const topics = predictions[i]!.topics;
    return {
      gold: e.topics,
      predicted: topics.map((t) => t.topic),
      goldAspects: e.aspects,
      predictedAspects: Object.fromEntries(topics.map((t) => [t.topic, t.sentiment.label])),
    };
  });
  const languages: TopicEvalResult['languages'] = {};
  for (const lang of [...new Set(examples.map((e) => e.lang))].sort()) {
    const idx = examples.flatMap((e, i) => (e.lang === lang ? [i] : []));
    const detected = idx.filter((i) => predictions[i]!.lang === lang).length;
    languages[lang] = { ...topicReport(idx.map((i) => rows[i]!)), langDetectionAccuracy: Math.round((detected / idx.length) * 10000) / 10000 };
  }
  const result: TopicEvalResult = {
    file: options.file,
    kind: 'topics',
    languages,
    overall: { ...topicReport(rows), docsPerSecond: seconds > 0 ? Math.round(examples.length / seconds) : 0, skippedLines: errors.length },
  };
  options.output.write(`${JSON.stringify(result, null, 2)}\n`);
  return result;
}

// Benchmark for packages/nlp: 5-fold stratified cross-validation of sentiment on the labeled dev
// data (models trained on four folds plus the shared train rows the language's settings add, scored
// on the fifth, never on their own examples) beside two baselines measured the same way (majority
// class; wink-nlp alone, plus the nlp.js Russian lexicon), language detection accuracy; nested
// cross-validation of the learned topic tagger on shared/data/topics/dev (micro and per-topic
// precision/recall per language, beside the cue rules alone) and aspect-sentiment accuracy on the
// topics found (overall sentiment out-of-fold too); topics on our labeled feed items without and with
// the feed-item gate (cross-validated by feed); sentiment on our labeled feed items without and with the
// feed-item neutral rule; whole-analysis throughput on one core (dev texts
// by language and with the languages mixed, and a stream of unseen texts); topics on
// packages/nlp/testdata/topics.jsonl (our own sentences). Prints tables; writes JSON to
// test/bench/results/nlp-<timestamp>.json.
// Run: npm run bench -- nlp   (or: node --import tsx test/bench/nlp.ts)

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, detectLanguage } from '../../packages/nlp/src/index.js';
import { classificationReport, type ClassificationReport } from '../../packages/nlp/src/eval/metrics.js';
import { readLabeledFile, type LabeledExample } from '../../packages/nlp/src/eval/read-labeled.js';
import { sentimentDevFile, sharedDataFile, sharedDir } from '../../packages/nlp/src/eval/shared-dir.js';
import { readTopicFile } from '../../packages/nlp/src/eval/read-topics.js';
import { aspectPredictions, crossValidateTopics, maskTopics, nestedAspectChoice } from '../../packages/nlp/src/eval/topic-cv.js';
import { topicReport, type TopicReport } from '../../packages/nlp/src/eval/topic-metrics.js';
import { trainingAdditions } from '../../packages/nlp/src/sentiment/training-set.js';
import type { TopicExample } from '../../packages/nlp/src/topics/topic-dataset.js';
import { topicTrainingData } from '../../packages/nlp/src/eval/topic-training-data.js';
import { FEED_ITEM_BAR } from '../../packages/nlp/src/topics/decide-topics.js';
import { feedItemLabel, readFeedSentimentExamples, scoreFeedItems } from '../../packages/nlp/src/eval/feed-sentiment.js';
import { crossValidateFeedItems } from '../../packages/nlp/src/eval/feed-topic-cv.js';
import { readTrainTopicExamples } from '../../packages/nlp/src/eval/train-topics.js';
import type { Sentiment } from '../../packages/nlp/src/types.js';
import { stratifiedFolds } from '../../packages/nlp/src/eval/stratified-folds.js';
import { createRussianAfinn } from '../../packages/nlp/src/sentiment/russian-afinn.js';
import { trainSentimentModel } from '../../packages/nlp/src/sentiment/train-sentiment-model.js';
import { shuffled } from '../../packages/nlp/src/sentiment/train-linear-model.js';
import { createWinkSentiment } from '../../packages/nlp/src/sentiment/wink-sentiment.js';
import { fold } from '../../packages/nlp/src/text/fold.js';
import { words } from '../../packages/nlp/src/text/tokenize.js';
import { TOPIC_IDS } from '../../packages/nlp/src/topics/topic-cues.js';
import { ENRICHER_MAX_BATCH } from '../../services/enricher/src/index.js';
import { DEFAULT_MAX_BATCH_SIZE } from '../../packages/bus/src/port.js';

const FOLDS = 5;
const SEED = 7;
const TARGETS: Record<string, number> = { en: 0.88, ru: 0.72, kk: 0.72, he: 0.88, et: 0.65 };
const LANGS = ['en', 'ru', 'kk', 'he', 'et'];
/** Throughput: this many interleaved timed loops per workload, each this long; medians reported. */
const ROUNDS = 5;
const ROUND_MS = 400;
/** analyzeBatch's rows: as large as the enricher's batches. */
const BATCH = ENRICHER_MAX_BATCH;
/** The bus's default batch, the enricher's before round 43: measured beside BATCH for comparison with earlier rounds. */
const BUS_BATCH = DEFAULT_MAX_BATCH_SIZE;

function polarity(score: number, threeClass: boolean): string {
  if (threeClass && score === 0) return 'neutral';
  return score >= 0 ? 'positive' : 'negative';
}

function main(): void {
  const wink = createWinkSentiment();
  const afinn = createRussianAfinn();
  const data = new Map<string, LabeledExample[]>();
  for (const lang of LANGS) {
    const file = sentimentDevFile(process.env, lang);
    if (file)
      data.set(
        lang,
        readLabeledFile(file).examples.filter((e) => e.lang === lang),
      );
  }
  if (data.size === 0) {
    console.error('no labeled data found: set EARSHOT_SHARED or put shared/ beside the repository');
    process.exitCode = 1;
    return;
  }

  const sentiment: Record<string, unknown> = {};
  const rows: string[][] = [];
  /** Out-of-fold sentiment of every dev text, for aspect accuracy (topic texts are dev texts). */
  const oofSentiment = new Map<string, Sentiment>();
  for (const [lang, examples] of data) {
    const { added, ...additions } = trainingAdditions({ env: process.env, lang });
    const threeClass = examples.some((e) => e.label === 'neutral');
    const folds = stratifiedFolds(
      examples.map((e) => e.label),
      FOLDS,
      SEED,
    );
    const ours: { gold: string; predicted: string }[] = [];
    /** Texts whose language the analyzer got right (cue words, then the Russian-or-Kazakh classifier). */
    let analyzerDetected = 0;
    const majority: { gold: string; predicted: string }[] = [];
    const started = performance.now();
    for (let f = 0; f < FOLDS; f++) {
      const train = examples.filter((_, i) => folds[i] !== f);
      const test = examples.filter((_, i) => folds[i] === f);
      const model = trainSentimentModel({ lang, examples: [...train, ...added], wink, ...additions });
      const analyzer = createAnalyzer({ models: { [lang]: model } });
      const counts = new Map<string, number>();
      for (const e of train) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      for (const e of test) {
        const analysis = analyzer.analyze(e.text);
        const got = analysis.sentiment;
        if (analysis.lang === lang) analyzerDetected++;
        oofSentiment.set(`${lang}\u0000${e.text}`, got);
        ours.push({ gold: e.label, predicted: got.label });
        majority.push({ gold: e.label, predicted: top });
      }
    }
    const cvSeconds = (performance.now() - started) / 1000;
    const lexicon = examples.map((e) => {
      const s = lang === 'ru' ? afinn.sum(words(e.text).map(fold)) : wink.score(e.text);
      return { gold: e.label, predicted: polarity(s, threeClass) };
    });
    // detectLanguage's cue words alone (the public function), and the analyzer's choice.
    const detected = examples.filter((e) => detectLanguage(e.text, { candidates: LANGS }).lang === lang).length / examples.length;
    const analyzerLanguage = analyzerDetected / examples.length;
    const r = { ours: classificationReport(ours), majority: classificationReport(majority), lexicon: classificationReport(lexicon) };
    sentiment[lang] = {
      ...r,
      trainRowsAdded: added.length,
      lexiconBaseline: lang === 'ru' ? 'nlp.js Russian lexicon' : 'wink-nlp',
      langDetectionAccuracy: round(detected),
      analyzerLanguageAccuracy: round(analyzerLanguage),
      target: TARGETS[lang],
      cvSeconds: round(cvSeconds),
    };
    rows.push([
      lang,
      String(examples.length),
      f(r.majority.macroF1),
      f(r.lexicon.macroF1),
      f(r.ours.macroF1),
      f(r.ours.accuracy),
      f(TARGETS[lang] ?? 0),
      pct(detected),
      pct(analyzerLanguage),
    ]);
  }

  const topicCv = crossValidateTopicData(wink, oofSentiment);
  const throughput = measureThroughput(data, wink);
  const topics = evaluateTopics();
  const feedSentiment = measureFeedSentiment(wink);

  console.log(`\nSentiment, macro-F1, ${FOLDS}-fold stratified cross-validation (seed ${SEED}) on shared/data/sentiment/dev`);
  printTable(['lang', 'n', 'majority', 'wink/lexicon', 'ours', 'ours acc', 'target', 'lang-id (cues)', 'lang (analyzer)'], rows);
  console.log(
    `\nThroughput on one thread, median of ${throughput.rounds} rounds, per second of wall-clock and of this process's CPU time (whole analysis: language, sentiment, topics, signals; wink-nlp sentiment alone beside it)`,
  );
  printTable(
    ['texts', 'n', 'mean chars', 'ours docs/s', 'ours per CPU-s', 'wink-nlp docs/s', 'wink per CPU-s'],
    [
      ['all dev', String(throughput.n), String(throughput.meanChars), String(throughput.docsPerSecond), String(throughput.cpuDocsPerSecond), '', ''],
      ['all dev, languages mixed', '', '', '', String(throughput.mixedCpuDocsPerSecond), '', ''],
      [`all dev, mixed, analyzeBatch of ${BATCH}`, '', '', '', String(throughput.mixedBatchCpuDocsPerSecond), '', ''],
      [`all dev, mixed, analyzeBatch of ${BUS_BATCH}`, '', '', '', String(throughput.mixedBusBatchCpuDocsPerSecond), '', ''],
      ['dev ≤ 140 chars', '', '', String(throughput.shortDocsPerSecond), String(throughput.shortCpuDocsPerSecond), '', ''],
      ...(throughput.unseen
        ? [
            [
              'unseen (train, once each)',
              String(throughput.unseen.n),
              String(throughput.unseen.meanChars),
              String(throughput.unseen.docsPerSecond),
              String(throughput.unseen.cpuDocsPerSecond),
              '',
              '',
            ],
            [`unseen, analyzeBatch of ${BATCH}`, '', '', String(throughput.unseen.batchDocsPerSecond), String(throughput.unseen.batchCpuDocsPerSecond), '', ''],
          ]
        : []),
      ...Object.entries(throughput.byLanguage).map(([lang, t]) => [
        lang,
        String(t.n),
        String(t.meanChars),
        String(t.docsPerSecond),
        String(t.cpuDocsPerSecond),
        String(t.winkDocsPerSecond),
        String(t.winkCpuDocsPerSecond),
      ]),
    ],
  );
  const fr = throughput.feedRule;
  console.log(
    `feed-item neutral rule, per CPU-second with / without it side by side (medians; the median of the paired rounds' ratios): English dev ${fr.enCpuDocsPerSecond} / ${fr.enWithoutCpuDocsPerSecond} (${fr.enRatio}×)` +
      (fr.feedItems ? `, our ${fr.feedItems} feed items ${fr.feedsCpuDocsPerSecond} / ${fr.feedsWithoutCpuDocsPerSecond} (${fr.feedsRatio}×)` : ''),
  );
  const tp = throughput.topicPieces;
  console.log(
    `long mentions' topics in pieces (shipped) / whole, per CPU-second side by side: all dev, mixed, analyzeBatch ${throughput.mixedBatchCpuDocsPerSecond} / ${tp.mixedBatchWholeCpuDocsPerSecond} (${tp.mixedBatchRatio}×)` +
      (fr.feedItems ? `, our feed items ${fr.feedsCpuDocsPerSecond} / ${tp.feedsWholeCpuDocsPerSecond} (${tp.feedsRatio}×)` : ''),
  );
  if (topicCv) printTopicCv(topicCv);
  if (feedSentiment) {
    console.log(
      `\nSentiment on our labeled feed items (${feedSentiment.n} items of shared/data/feeds; the shipped models, which never saw a feed item; feed-item probability by classifiers that never saw the item's feed)`,
    );
    printTable(
      ['sentiment', 'macro-F1', 'F1 negative', 'F1 neutral', 'F1 positive', 'read negative (truly)'],
      (['without', 'with'] as const).map((k) => {
        const r = feedSentiment[k];
        return [
          k === 'with' ? 'with the feed-item neutral rule (shipped)' : 'without it',
          f(r.macroF1),
          f(r.f1.negative ?? 0),
          f(r.f1.neutral ?? 0),
          f(r.f1.positive ?? 0),
          `${Object.values(r.confusion).reduce((n, row) => n + (row.negative ?? 0), 0)} (${r.confusion.negative?.negative ?? 0})`,
        ];
      }),
    );
  }
  console.log(`\nTopics on packages/nlp/testdata/topics.jsonl (${topics.n} sentences written by us)`);
  printTable(
    ['topic', 'support', 'precision', 'recall'],
    Object.entries(topics.perTopic).map(([t, v]) => [t, String(v.support), f(v.precision), f(v.recall)]),
  );
  console.log(`micro precision ${f(topics.micro.precision)}, recall ${f(topics.micro.recall)}`);

  const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `nlp-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ folds: FOLDS, seed: SEED, sentiment, topicCv, throughput, topics, feedSentiment }, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

interface Throughput {
  n: number;
  meanChars: number;
  rounds: number;
  /** Medians over the rounds, documents per second of wall-clock time on one thread. */
  docsPerSecond: number;
  shortDocsPerSecond: number;
  /** The same per second of this process's CPU time: less sensitive to other load on the machine. */
  cpuDocsPerSecond: number;
  /** All dev texts in a seeded random order, the languages interleaved. */
  mixedCpuDocsPerSecond: number;
  /** The same order, in analyzeBatch calls of BATCH texts (as the enricher analyzes a consumed batch). */
  mixedBatchCpuDocsPerSecond: number;
  /** The same in analyzeBatch calls of BUS_BATCH texts. */
  mixedBusBatchCpuDocsPerSecond: number;
  shortCpuDocsPerSecond: number;
  byLanguage: Record<
    string,
    { n: number; meanChars: number; docsPerSecond: number; cpuDocsPerSecond: number; winkDocsPerSecond: number; winkCpuDocsPerSecond: number }
  >;
  /** Per CPU-second with long mentions' topics judged whole instead of in pieces (shipped), side by side with mixedBatchCpuDocsPerSecond and feedRule.feedsCpuDocsPerSecond. */
  topicPieces: { mixedBatchWholeCpuDocsPerSecond: number; feedsWholeCpuDocsPerSecond: number; mixedBatchRatio: number; feedsRatio: number };
  /** Per CPU-second with the feed-item neutral rule (shipped) and without it, side by side. */
  feedRule: {
    enCpuDocsPerSecond: number;
    enWithoutCpuDocsPerSecond: number;
    feedItems: number;
    feedsCpuDocsPerSecond: number;
    feedsWithoutCpuDocsPerSecond: number;
    /** Median over rounds of with / without, each round's pair run back to back (pairedRatio). */
    enRatio: number;
    feedsRatio: number;
  };
  /** Every round's figures, to show the spread on a shared machine. */
  samples: Record<string, number[]>;
  /**
   * The shared train texts, shuffled, each analyzed once: a stream of texts the analyzer has not seen;
   * batch*: the same stream in analyzeBatch calls of BATCH texts, by a second analyzer new to them.
   */
  unseen?: { n: number; meanChars: number; docsPerSecond: number; cpuDocsPerSecond: number; batchDocsPerSecond: number; batchCpuDocsPerSecond: number };
}

/**
 * Whole-analysis throughput (language, sentiment, topics, signals; language not told) on one core:
 * every workload is run in ROUNDS short timed loops over the same texts, interleaved so machine
 * load hits them alike, and the median is reported. wink-nlp's sentiment alone runs side by side
 * on the same texts as a yardstick for how fast the machine was.
 */
function measureThroughput(data: Map<string, LabeledExample[]>, wink: ReturnType<typeof createWinkSentiment>): Throughput {
  const analyzer = createAnalyzer();
  const texts = [...data.values()].flat().map((e) => e.text);
  const short = texts.filter((t) => t.length <= 140);
  const workloads = new Map<string, () => { wall: number; cpu: number }>();
  const loop =
    <T>(list: T[], run: (item: T) => unknown, textsPerPass = list.length) =>
    (): { wall: number; cpu: number } => {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      let n = 0;
      while (performance.now() - started < ROUND_MS) {
        for (const item of list) run(item);
        n += textsPerPass;
      }
      const cpu = process.cpuUsage(cpuStarted);
      return { wall: n / ((performance.now() - started) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
    };
  const analyze = (t: string): unknown => analyzer.analyze(t);
  workloads.set('all', loop(texts, analyze));
  // The same texts with the languages interleaved, as in a real stream: each language's models and
  // tables then compete for the cache instead of staying in it for a run of 1,500 texts.
  const mixed = shuffled(texts, SEED);
  workloads.set('mixed', loop(mixed, analyze));
  workloads.set(
    'mixed:batch',
    loop(inBatches(mixed), (batch) => analyzer.analyzeBatch(batch), mixed.length),
  );
  // Long mentions' topics judged in pieces (topics/mention-pieces.ts) or whole, side by side.
  const wholeTopics = createAnalyzer({ topicPieces: false });
  workloads.set(
    'mixed:batch:whole',
    loop(inBatches(mixed), (batch) => wholeTopics.analyzeBatch(batch), mixed.length),
  );
  workloads.set(
    'mixed:bus-batch',
    loop(inBatches(mixed, BUS_BATCH), (batch) => analyzer.analyzeBatch(batch), mixed.length),
  );
  workloads.set('short', loop(short, analyze));
  // The feed-item neutral rule's cost, side by side: English dev texts and our labeled feed items
  // (where it fires most) by an analyzer without it, each run right after the same texts with it.
  const withoutFeedRule = createAnalyzer({ feedItemNeutral: false });
  const withoutRule = (t: string): unknown => withoutFeedRule.analyze(t);
  for (const [lang, examples] of data) {
    const list = examples.map((e) => e.text);
    workloads.set(lang, loop(list, analyze));
    if (lang === 'en') workloads.set('en:no-feed-rule', loop(list, withoutRule));
    workloads.set(
      `${lang}:wink`,
      loop(list, (t) => wink.score(t)),
    );
  }
  const feedTexts = hasFeeds() ? readFeedSentimentExamples(process.env).map((e) => e.text) : [];
  if (feedTexts.length > 0) {
    workloads.set('feeds', loop(feedTexts, analyze));
    workloads.set('feeds:no-feed-rule', loop(feedTexts, withoutRule));
  }
  if (feedTexts.length > 0)
    workloads.set(
      'feeds:whole',
      loop(feedTexts, (t) => wholeTopics.analyze(t)),
    );
  for (const t of [...texts, ...feedTexts]) {
    analyzer.analyze(t); // warm up
    withoutFeedRule.analyze(t);
    wholeTopics.analyze(t);
  }
  const samples: Record<string, number[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of workloads) {
      const r = run();
      (samples[name] ??= []).push(Math.round(r.wall));
      (samples[`${name}:cpu`] ??= []).push(Math.round(r.cpu));
    }
  }
  const median = (name: string): number => {
    const v = [...(samples[name] ?? [0])].sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)]!;
  };
  /**
   * The median over rounds of `a`'s figure per CPU-second over `b`'s, each round's pair run back to back:
   * the machine's speed swings by a fifth from one second to the next, and a ratio of the two medians,
   * taken from different rounds, swung as much (round 45: the feed-item rule's cost read 15%, 3.5%, −10%).
   */
  const pairedRatio = (a: string, b: string): number => {
    const over = samples[`${b}:cpu`] ?? [];
    const ratios = (samples[`${a}:cpu`] ?? []).map((v, i) => v / over[i]!).sort((x, y) => x - y);
    return ratios.length > 0 ? Number(ratios[Math.floor(ratios.length / 2)]!.toFixed(3)) : 0;
  };
  const unseen = measureUnseen(() => {
    const fresh = createAnalyzer();
    for (const t of texts) fresh.analyze(t); // warmed up as the dev loops' analyzer was
    return fresh;
  });
  const byLanguage: Throughput['byLanguage'] = {};
  for (const [lang, examples] of data) {
    byLanguage[lang] = {
      n: examples.length,
      meanChars: meanChars(examples.map((e) => e.text)),
      docsPerSecond: median(lang),
      cpuDocsPerSecond: median(`${lang}:cpu`),
      winkDocsPerSecond: median(`${lang}:wink`),
      winkCpuDocsPerSecond: median(`${lang}:wink:cpu`),
    };
  }
  return {
    n: texts.length,
    meanChars: meanChars(texts),
    rounds: ROUNDS,
    docsPerSecond: median('all'),
    shortDocsPerSecond: median('short'),
    cpuDocsPerSecond: median('all:cpu'),
    mixedCpuDocsPerSecond: median('mixed:cpu'),
    mixedBatchCpuDocsPerSecond: median('mixed:batch:cpu'),
    mixedBusBatchCpuDocsPerSecond: median('mixed:bus-batch:cpu'),
    shortCpuDocsPerSecond: median('short:cpu'),
    byLanguage,
    topicPieces: {
      mixedBatchWholeCpuDocsPerSecond: median('mixed:batch:whole:cpu'),
      feedsWholeCpuDocsPerSecond: median('feeds:whole:cpu'),
      mixedBatchRatio: pairedRatio('mixed:batch', 'mixed:batch:whole'),
      feedsRatio: feedTexts.length > 0 ? pairedRatio('feeds', 'feeds:whole') : 0,
    },
    feedRule: {
      enCpuDocsPerSecond: median('en:cpu'),
      enWithoutCpuDocsPerSecond: median('en:no-feed-rule:cpu'),
      feedItems: feedTexts.length,
      feedsCpuDocsPerSecond: median('feeds:cpu'),
      feedsWithoutCpuDocsPerSecond: median('feeds:no-feed-rule:cpu'),
      enRatio: pairedRatio('en', 'en:no-feed-rule'),
      feedsRatio: feedTexts.length > 0 ? pairedRatio('feeds', 'feeds:no-feed-rule') : 0,
    },
    samples,
    ...(unseen ? { unseen } : {}),
  };
}

/** Whether shared/data/feeds, which our labeled feed items are read from, is there. */
function hasFeeds(): boolean {
  return existsSync(join(sharedDir(process.env), 'data', 'feeds'));
}

/** Sentiment on our labeled feed items, without and with the feed-item neutral rule (nlp eval/feed-sentiment.ts). */
function measureFeedSentiment(
  wink: ReturnType<typeof createWinkSentiment>,
): { n: number; without: ClassificationReport; with: ClassificationReport } | undefined {
  if (!hasFeeds()) return undefined;
  const scored = scoreFeedItems(process.env, wink);
  const report = (label: (i: number) => string) => classificationReport(scored.items.map((e, i) => ({ gold: e.label, predicted: label(i) })));
  return { n: scored.items.length, without: report((i) => scored.sentiment[i]!.label), with: report((i) => feedItemLabel(scored, i)) };
}

function meanChars(list: readonly string[]): number {
  return Math.round(list.reduce((s, t) => s + t.length, 0) / Math.max(1, list.length));
}

/** The texts as analyzeBatch inputs, `size` at a time. */
function inBatches(list: readonly string[], size = BATCH): { text: string }[][] {
  const batches: { text: string }[][] = [];
  for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size).map((text) => ({ text })));
  return batches;
}

/**
 * The loops above repeat the same dev texts, which flatters whatever the process remembers of them
 * (V8's string hashes, wink-nlp's token cache): here the shared train texts of every language,
 * shuffled (fixed seed), are each analyzed once, as a stream of new mentions would be. Two analyzers
 * new to them (each warmed up on the dev texts) read the stream side by side, one with analyze(), one
 * in analyzeBatch calls: chunk by chunk, the one that goes first alternating.
 */
function measureUnseen(fresh: () => ReturnType<typeof createAnalyzer>): Throughput['unseen'] {
  const texts = LANGS.flatMap((lang) => {
    const file = sharedDataFile(process.env, 'sentiment/train', lang);
    return file ? readLabeledFile(file).examples.map((e) => e.text) : [];
  });
  if (texts.length === 0) return undefined;
  const stream = shuffled(texts, SEED);
  const one = fresh();
  const batched = fresh();
  const spent = { one: { wall: 0, cpu: 0 }, batched: { wall: 0, cpu: 0 } };
  const timed = (into: { wall: number; cpu: number }, run: () => void): void => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    run();
    const cpu = process.cpuUsage(cpuStarted);
    into.wall += (performance.now() - started) / 1000;
    into.cpu += (cpu.user + cpu.system) / 1e6;
  };
  const CHUNK = 2 * BATCH;
  for (let at = 0, turn = 0; at < stream.length; at += CHUNK, turn++) {
    const chunk = stream.slice(at, at + CHUNK);
    const runOne = () =>
      timed(spent.one, () => {
        for (const t of chunk) one.analyze(t);
      });
    const runBatched = () =>
      timed(spent.batched, () => {
        for (const batch of inBatches(chunk)) batched.analyzeBatch(batch);
      });
    if (turn % 2 === 0) {
      runOne();
      runBatched();
    } else {
      runBatched();
      runOne();
    }
  }
  const perSecond = (seconds: number): number => Math.round(texts.length / seconds);
  return {
    n: texts.length,
    meanChars: meanChars(texts),
    docsPerSecond: perSecond(spent.one.wall),
    cpuDocsPerSecond: perSecond(spent.one.cpu),
    batchDocsPerSecond: perSecond(spent.batched.wall),
    batchCpuDocsPerSecond: perSecond(spent.batched.cpu),
  };
}

function evaluateTopics(): {
  n: number;
  perTopic: Record<string, { support: number; precision: number; recall: number }>;
  micro: { precision: number; recall: number };
} {
  const path = fileURLToPath(new URL('../../packages/nlp/testdata/topics.jsonl', import.meta.url));
  const rows = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; lang: string; topics: string[] });
  const analyzer = createAnalyzer();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const r of rows) {
    const got = new Set(analyzer.analyze(r.text, { langHint: r.lang }).topics.map((t) => t.topic));
    const gold = new Set(r.topics);
    for (const t of got) inc(gold.has(t) ? tp : fp, t);
    for (const t of gold) if (!got.has(t)) inc(fn, t);
  }
  const perTopic: Record<string, { support: number; precision: number; recall: number }> = {};
  let TP = 0;
  let FP = 0;
  let FN = 0;
  for (const t of TOPIC_IDS) {
    const a = tp.get(t) ?? 0;
    const b = fp.get(t) ?? 0;
    const c = fn.get(t) ?? 0;
    TP += a;
    FP += b;
    FN += c;
    perTopic[t] = { support: a + c, precision: round(a + b === 0 ? 0 : a / (a + b)), recall: round(a + c === 0 ? 0 : a / (a + c)) };
  }
  return { n: rows.length, perTopic, micro: { precision: round(TP / Math.max(1, TP + FP)), recall: round(TP / Math.max(1, TP + FN)) } };
}

interface TopicCv {
  seconds: number;
  modeFolds: Record<string, number>;
  byLanguage: Record<
    string,
    {
      learned: TopicReport;
      cues: TopicReport;
      aspectsByClause: TopicReport['aspects'];
      aspectsByMention: TopicReport['aspects'];
      aspectsHybrid: TopicReport['aspects'];
      aspectsMentionRule: TopicReport['aspects'];
      aspectsNested: TopicReport['aspects'];
    }
  >;
  /** Per language, in how many outer folds each aspect rule was chosen (nestedAspectChoice). */
  aspectRuleFolds: Record<string, Record<string, number>>;
  /** Our labeled feed items (nlp eval/feed-topics.ts): micro P/R and items tagged, without and with the feed-item gate. */
  feedItems: {
    n: number;
    withTopics: number;
    ungated: { precision: number; recall: number; tagged: number };
    gated: { precision: number; recall: number; tagged: number };
    readAsFeedItems: number;
    topicTextsReadAsFeedItems: number;
  };
}

/**
 * Nested 5-fold CV of the learned tagger on shared/data/topics/dev (thresholds and per-language
 * rules picked by inner CV on the training folds only), beside the cue rules alone; aspect
 * sentiment with the out-of-fold overall sentiment, by clause rule and by the mention's label.
 */
function crossValidateTopicData(wink: ReturnType<typeof createWinkSentiment>, oof: Map<string, Sentiment>): TopicCv | undefined {
  const examples: TopicExample[] = [];
  for (const lang of LANGS) {
    const path = sharedDataFile(process.env, 'topics/dev', lang);
    if (path) examples.push(...readTopicFile(path).examples.filter((e) => e.lang === lang));
  }
  if (examples.length === 0) return undefined;
  const started = performance.now();
  // Our topic labels of shared train and sentiment dev rows: added to every training part, never scored (eval/train-topics.ts).
  const extraExamples = readTrainTopicExamples(process.env);
  // The text-domain and feed-item classifiers never see a topic text, so they are trained once for all folds.
  const { data: dataset, extra, domains, feeds } = topicTrainingData({ env: process.env, examples, extraExamples, wink });
  const cv = crossValidateTopics(dataset, { folds: FOLDS, seed: SEED, extra });
  // Our labeled feed items: the tagger trained on every topic text, the feed-item gate cross-validated by feed.
  const byFeed = crossValidateFeedItems({ env: process.env, topicTexts: examples, extraTexts: extraExamples, feeds, domains, wink });
  const feedReport = (masks: readonly number[]) => topicReport(masks.map((mask, i) => ({ gold: feeds[i]!.topics, predicted: maskTopics(mask) })));
  const feedItemFigures = {
    n: feeds.length,
    withTopics: feeds.filter((e) => e.topics.length > 0).length,
    ungated: { ...feedReport(byFeed.ungated).micro, tagged: byFeed.ungated.filter((m) => m !== 0).length },
    gated: { ...feedReport(byFeed.gated).micro, tagged: byFeed.gated.filter((m) => m !== 0).length },
    readAsFeedItems: byFeed.probability.filter((p) => p >= FEED_ITEM_BAR).length,
    topicTextsReadAsFeedItems: examples.filter((_, i) => (dataset.feedItemProbability?.[i] ?? 0) >= FEED_ITEM_BAR).length,
  };
  const aspects = aspectPredictions(examples, cv.learned, (i) => oof.get(`${examples[i]!.lang}\u0000${examples[i]!.text}`) ?? { label: 'neutral', score: 0 });
  const nested = nestedAspectChoice(examples, aspects, cv.folds);
  const byLanguage: TopicCv['byLanguage'] = {};
  for (const lang of [...LANGS, 'all']) {
    const idx = examples.flatMap((e, i) => (lang === 'all' || e.lang === lang ? [i] : []));
    if (idx.length === 0) continue;
    const rows = (masks: ArrayLike<number>, predictedAspects?: Record<string, string>[]) =>
      idx.map((i) => ({
        gold: examples[i]!.topics,
        goldAspects: examples[i]!.aspects,
        predicted: maskTopics(masks[i]!),
        ...(predictedAspects ? { predictedAspects: predictedAspects[i]! } : {}),
      }));
    byLanguage[lang] = {
      learned: topicReport(rows(cv.learned, aspects.shipped)),
      cues: topicReport(rows(cv.cues)),
      aspectsByClause: topicReport(rows(cv.learned, aspects.clause)).aspects,
      aspectsByMention: topicReport(rows(cv.learned, aspects.mention)).aspects,
      aspectsHybrid: topicReport(rows(cv.learned, aspects.hybrid)).aspects,
      aspectsMentionRule: topicReport(rows(cv.learned, aspects.mentionRule)).aspects,
      aspectsNested: topicReport(rows(cv.learned, nested.predictions)).aspects,
    };
  }
  return {
    seconds: round((performance.now() - started) / 1000),
    modeFolds: cv.modeFolds,
    byLanguage,
    aspectRuleFolds: nested.chosen,
    feedItems: feedItemFigures,
  };
}

function printTopicCv(cv: TopicCv): void {
  console.log(`\nTopics, nested ${FOLDS}-fold CV (seed ${SEED}) on shared/data/topics/dev: learned tagger vs cue rules alone (${cv.seconds} s)`);
  printTable(
    [
      'lang',
      'n',
      'learned P',
      'learned R',
      'cues P',
      'cues R',
      'aspect acc (shipped rule)',
      'clause rule',
      'mention label',
      'hybrid',
      'mention unless neutral or mixed',
      'rule chosen per fold (nested)',
    ],
    Object.entries(cv.byLanguage).map(([lang, r]) => [
      lang,
      String(r.learned.n),
      f(r.learned.micro.precision),
      f(r.learned.micro.recall),
      f(r.cues.micro.precision),
      f(r.cues.micro.recall),
      `${f(r.learned.aspects.accuracy)} (${r.learned.aspects.n})`,
      f(r.aspectsByClause.accuracy),
      f(r.aspectsByMention.accuracy),
      f(r.aspectsHybrid.accuracy),
      f(r.aspectsMentionRule.accuracy),
      `${f(r.aspectsNested.accuracy)}${
        cv.aspectRuleFolds[lang]
          ? ` (${Object.entries(cv.aspectRuleFolds[lang]!)
              .map(([rule, n]) => `${rule} ${n}`)
              .join(', ')})`
          : ''
      }`,
    ]),
  );
  const all = cv.byLanguage.all;
  if (!all) return;
  console.log('\nPer topic, all languages (learned; cue rules alone; aspect accuracy on topics found)');
  printTable(
    ['topic', 'support', 'P', 'R', 'cues P', 'cues R', 'aspect acc'],
    Object.entries(all.learned.perTopic).map(([t, v]) => [
      t,
      String(v.support),
      f(v.precision),
      f(v.recall),
      f(all.cues.perTopic[t]!.precision),
      f(all.cues.perTopic[t]!.recall),
      all.learned.aspects.perTopic[t] ? `${f(all.learned.aspects.perTopic[t]!.accuracy)} (${all.learned.aspects.perTopic[t]!.n})` : '',
    ]),
  );
  for (const lang of LANGS) {
    const r = cv.byLanguage[lang];
    if (!r) continue;
    const cells = Object.entries(r.learned.perTopic)
      .filter(([, v]) => v.support > 0 || v.predicted > 0)
      .map(([t, v]) => `${t} ${f(v.precision)}/${f(v.recall)} (${v.support})`);
    console.log(`${lang} per topic P/R (support): ${cells.join(', ')}`);
  }
  const feeds = cv.feedItems;
  console.log(
    `\nTopics on our labeled feed items (${feeds.n} items of shared/data/feeds, ${feeds.withTopics} with topics; the feed-item gate cross-validated by feed: ${feeds.readAsFeedItems} read as feed items; topic texts read as feed items: ${feeds.topicTextsReadAsFeedItems})`,
  );
  printTable(
    ['tagger', 'P', 'R', 'items tagged'],
    [
      ['without the feed-item gate', f(feeds.ungated.precision), f(feeds.ungated.recall), String(feeds.ungated.tagged)],
      ['with it (shipped)', f(feeds.gated.precision), f(feeds.gated.recall), String(feeds.gated.tagged)],
    ],
  );
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

function f(x: number): string {
  return x.toFixed(3);
}
function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();

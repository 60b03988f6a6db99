// Nested cross-validation of the learned topic tagger: outer stratified folds (the benchmark's seed);
// in each, fitTopicModelGroups trains and picks thresholds and cue-rule topics by inner CV on the outer
// training rows only, and the outer fold is scored once. Returns the out-of-fold tagged-topic mask
// of every row, beside what the cue rules alone tag.

import {
  fitTopicModelGroups,
  ownModelLanguages,
  predictTopicMasks,
  topicFolds,
  TOPIC_TRAIN_SETTINGS,
  type TopicTrainSettings,
} from '../topics/train-topic-model.js';
import type { TopicDataset, TopicExample } from '../topics/topic-dataset.js';
import { aspectRuleFor, aspectSentiment, mentionDecides, type AspectRule } from '../topics/aspect-sentiment.js';
import { createTopicCueFinder, type TopicCueFinder } from '../topics/topic-cue-finder.js';
import { createLexiconScorer, type LexiconScorer } from '../sentiment/lexicon-scorer.js';
import { LEXICONS } from '../sentiment/lexicons.js';
import { prepareText } from '../text/prepare-text.js';
import type { Sentiment } from '../types.js';
import { TOPIC_IDS } from '../topics/topic-cues.js';
import { mulberry32 } from '../sentiment/train-linear-model.js';
import { SUPPORTED_LANGUAGES } from '../types.js';

export interface TopicCrossValidation {
  /** Out-of-fold predicted mask per row. */
  learned: Int32Array;
  /** The cue rules alone (every topic in cue mode). */
  cues: Int32Array;
  /** Fold of each row (-1: an extra row, never scored). */
  folds: number[];
  /** In how many outer folds each "lang:topic:mode" was chosen. */
  modeFolds: Record<string, number>;
}

export function crossValidateTopics(
  data: TopicDataset,
  options: {
    folds: number;
    seed: number;
    settings?: TopicTrainSettings;
    /** One model per language, trained on that language's rows only (ownModelRows 1). */
    perLanguage?: boolean;
    /** Train on this share of each outer training part only (a seeded sample of its rows): a learning curve. */
    trainShare?: number;
    /** Rows added to every training part and never scored (fitTopicModelGroups's `extra`); the other rows are folded and scored. */
    extra?: readonly number[];
    /** Add this share of `extra` only (a seeded sample per training part): a learning curve of the rows of ours. */
    extraShare?: number;
  },
): TopicCrossValidation {
  const extra = options.extra ?? [];
  const isExtra = new Set(extra);
  const all = Array.from({ length: data.n }, (_, i) => i).filter((i) => !isExtra.has(i));
  // Fold of each row (-1 for extra rows).
  const folds = new Array<number>(data.n).fill(-1);
  topicFolds(data, all, options.folds, options.seed).forEach((f, p) => {
    folds[all[p]!] = f;
  });
  const learned = new Int32Array(data.n);
  const modeFolds: Record<string, number> = {};
  const base = options.settings ?? TOPIC_TRAIN_SETTINGS;
  const settings = options.perLanguage ? { ...base, ownModelRows: 1 } : base;
  // Which languages are fitted alone is decided on all the rows, as for the shipped model, not per training part.
  const own = ownModelLanguages(data, all, settings, extra);
  for (let f = 0; f < options.folds; f++) {
    const train = sample(
      all.filter((i) => folds[i] !== f),
      options.trainShare ?? 1,
      options.seed + f,
    );
    const test = all.filter((i) => folds[i] === f);
    const file = fitTopicModelGroups(data, train, settings, sample(extra, options.extraShare ?? 1, options.seed + options.folds + f), own);
    file.modes.forEach((perTopic, l) =>
      perTopic.forEach((m, t) => {
        const key = `${SUPPORTED_LANGUAGES[l]}:${file.topics[t]}:${m}`;
        modeFolds[key] = (modeFolds[key] ?? 0) + 1;
      }),
    );
    predictTopicMasks(file, data, test).forEach((mask, j) => {
      learned[test[j]!] = mask;
    });
  }
  return { learned, cues: data.cueMasks.slice(), folds, modeFolds };
}

/** A seeded sample of `share` of the rows (all of them at share 1), in their order. */
function sample(rows: readonly number[], share: number, seed: number): readonly number[] {
  if (share >= 1) return rows;
  const rand = mulberry32(seed);
  const keyed = rows.map((e) => ({ e, key: rand() }));
  const keep = new Set(
    keyed
      .sort((a, b) => a.key - b.key)
      .slice(0, Math.round(rows.length * share))
      .map((k) => k.e),
  );
  return rows.filter((e) => keep.has(e));
}

export function maskTopics(mask: number): string[] {
  return TOPIC_IDS.filter((_, t) => ((mask >> t) & 1) === 1);
}

/**
 * Aspect sentiment of each row's predicted topics (aspect-sentiment.ts), given the mention's overall
 * sentiment (in the benchmark: the out-of-fold sentiment of the same text), by each rule: the clause
 * rule, the mention's own label for every topic, the mention's label for a single topic (hybrid), the
 * 'mention' rule (the mention's label unless neutral or mixed), and what ships (ASPECT_RULES).
 */
export function aspectPredictions(
  examples: readonly TopicExample[],
  masks: ArrayLike<number>,
  overallOf: (i: number) => Sentiment,
): {
  clause: Record<string, string>[];
  mention: Record<string, string>[];
  hybrid: Record<string, string>[];
  mentionRule: Record<string, string>[];
  shipped: Record<string, string>[];
} {
  const finders = new Map<string, TopicCueFinder>();
  const lexicons = new Map<string, LexiconScorer>();
  const clause: Record<string, string>[] = [];
  const mention: Record<string, string>[] = [];
  const hybrid: Record<string, string>[] = [];
  const mentionRule: Record<string, string>[] = [];
  examples.forEach((e, i) => {
    if (!finders.has(e.lang)) {
      finders.set(e.lang, createTopicCueFinder(e.lang));
      lexicons.set(e.lang, createLexiconScorer({ lexicon: LEXICONS[e.lang] ?? LEXICONS.en! }));
    }
    const prepared = prepareText(e.text);
    const hits = finders.get(e.lang)!.find(prepared.words);
    const overall = overallOf(i);
    const c: Record<string, string> = {};
    const m: Record<string, string> = {};
    TOPIC_IDS.forEach((id, t) => {
      if (((masks[i]! >> t) & 1) === 0) return;
      c[id] = aspectSentiment({ topic: t, tokens: prepared.words, clauseIds: prepared.clauses, hits, lexicon: lexicons.get(e.lang)!, overall }).label;
      m[id] = overall.label;
    });
    clause.push(c);
    mention.push(m);
    hybrid.push(Object.keys(c).length === 1 ? m : c);
    mentionRule.push(mentionDecides(overall, Object.values(c)) ? m : c);
  });
  const shipped = examples.map((e, i) => (aspectRuleFor(e.lang) === 'mention' ? mentionRule[i]! : clause[i]!));
  return { clause, mention, hybrid, mentionRule, shipped };
}

/**
 * The per-language aspect rule (clause, or the mention's label unless neutral or mixed: aspect-sentiment.ts ASPECT_RULES) chosen the nested
 * way: for each outer fold, per language, the rule with more right aspects on the other folds' rows;
 * that fold is scored with it. Returns those predictions and, per language, how often each rule won.
 */
export function nestedAspectChoice(
  examples: readonly TopicExample[],
  aspects: { clause: Record<string, string>[]; mentionRule: Record<string, string>[] },
  folds: readonly number[],
): { predictions: Record<string, string>[]; chosen: Record<string, Record<AspectRule, number>> } {
  const right = (pred: Record<string, string>, i: number): number =>
    Object.entries(pred).filter(([topic, label]) => examples[i]!.topics.includes(topic) && examples[i]!.aspects[topic] === label).length;
  const predictions: Record<string, string>[] = examples.map(() => ({}));
  const chosen: Record<string, Record<AspectRule, number>> = {};
  const nFolds = Math.max(...folds) + 1;
  for (const lang of new Set(examples.map((e) => e.lang))) {
    chosen[lang] = { clause: 0, mention: 0 };
    for (let f = 0; f < nFolds; f++) {
      let clauseRight = 0;
      let mentionRight = 0;
      examples.forEach((e, i) => {
        if (e.lang !== lang || folds[i] === f) return;
        clauseRight += right(aspects.clause[i]!, i);
        mentionRight += right(aspects.mentionRule[i]!, i);
      });
      const rule: AspectRule = mentionRight > clauseRight ? 'mention' : 'clause';
      chosen[lang]![rule]++;
      examples.forEach((e, i) => {
        if (e.lang === lang && folds[i] === f) predictions[i] = (rule === 'mention' ? aspects.mentionRule : aspects.clause)[i]!;
      });
    }
  }
  return { predictions, chosen };
}

// How the tagger does on real feed items (eval/feed-topics.ts), with and without the feed-item gate
// (topics/feed-items.ts). The tagger never trains on feed items; the feed-item classifiers do, so they
// are cross-validated by feed: each feed's items are judged by a classifier trained without that
// feed (whole feeds to a fold, as a new feed would come), beside the topic texts it never saw either.

import type { LinearModelFile } from '../sentiment/linear-model.js';
import { loadLinearModel } from '../sentiment/linear-model.js';
import { createLanguageFeatures } from '../sentiment/language-features.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';
import { trainFeedItemClassifiers } from '../topics/feed-items.js';
import { buildTopicDataset, type TopicExample } from '../topics/topic-dataset.js';
import { fitTopicModelGroups, predictTopicMasks, TOPIC_TRAIN_SETTINGS, type TopicTrainSettings } from '../topics/train-topic-model.js';
import type { FeedTopicExample } from './feed-topics.js';
import { labeledTopicTexts } from './topic-training-data.js';

export interface FeedItemCrossValidation {
  /** Per feed item: the tagged-topic mask without the gate, and with it. */
  ungated: number[];
  gated: number[];
  /** Per feed item: its feed-item probability by a classifier that never saw its feed. */
  probability: number[];
}

export function crossValidateFeedItems(options: {
  env: Record<string, string | undefined>;
  topicTexts: readonly TopicExample[];
  /** More labeled texts the tagger trains on but chooses no threshold or rule by (fitTopicModelGroups's `extra`). */
  extraTexts?: readonly TopicExample[];
  feeds: readonly FeedTopicExample[];
  domains?: LinearModelFile<string>[];
  wink?: WinkSentiment;
  folds?: number;
  settings?: TopicTrainSettings;
  /** false: long items judged whole, as before round 29 (else in pieces, as the tagger does: mention-pieces.ts). */
  pieces?: boolean;
}): FeedItemCrossValidation {
  const { topicTexts, feeds, wink } = options;
  const k = options.folds ?? 5;
  const extraTexts = options.extraTexts ?? [];
  const data = buildTopicDataset([...topicTexts, ...extraTexts, ...feeds], {
    // Only the feed items are scored here.
    pieces: options.pieces !== false && ((n) => n >= topicTexts.length + extraTexts.length),
    ...(wink ? { wink } : {}),
    ...(options.domains ? { domains: options.domains } : {}),
  });
  const topicRows = topicTexts.map((_, i) => i);
  const extraRows = extraTexts.map((_, i) => topicTexts.length + i);
  const feedRows = feeds.map((_, i) => topicTexts.length + extraTexts.length + i);
  const model = fitTopicModelGroups(data, topicRows, options.settings ?? TOPIC_TRAIN_SETTINGS, extraRows);
  const fold = feedFolds(feeds, k);
  const probability = new Array<number>(feeds.length).fill(0);
  // As topicTrainingData's: never a topic text, our labeled rows included (ROUNDS.md round 27).
  const exclude = labeledTopicTexts(topicTexts);
  const extractors = new Map<string, ReturnType<typeof createLanguageFeatures>['extractor']>();
  for (let f = 0; f < k; f++) {
    const classifiers = trainFeedItemClassifiers({ env: options.env, exclude, feedItems: feeds.filter((_, i) => fold[i] !== f), ...(wink ? { wink } : {}) });
    const p = new Float64Array(2);
    for (const file of classifiers) {
      const classifier = loadLinearModel(file);
      let extractor = extractors.get(file.lang);
      if (!extractor) extractors.set(file.lang, (extractor = createLanguageFeatures({ lang: file.lang, ...(wink ? { wink } : {}) }).extractor));
      feeds.forEach((item, i) => {
        if (fold[i] !== f || item.lang !== file.lang) return;
        const x = extractor.extract(item.text);
        classifier.predictInto(x, x.indices.length, p);
        probability[i] = p[1]!;
      });
    }
  }
  const ungated = predictTopicMasks(model, data, feedRows);
  data.feedItemProbability = Float32Array.from([...topicRows.map(() => 0), ...extraRows.map(() => 0), ...probability]);
  const gated = predictTopicMasks(model, data, feedRows);
  return { ungated, gated, probability };
}

/** Whole feeds to folds, largest first into the fold with the fewest items so far. */
export function feedFolds(feeds: readonly { feed: string }[], k: number): number[] {
  const members = new Map<string, number[]>();
  feeds.forEach((item, i) => members.set(item.feed, [...(members.get(item.feed) ?? []), i]));
  const size = new Array<number>(k).fill(0);
  const fold = new Array<number>(feeds.length).fill(0);
  for (const rows of [...members.values()].sort((a, b) => b.length - a.length)) {
    const f = size.indexOf(Math.min(...size));
    for (const i of rows) fold[i] = f;
    size[f] = size[f]! + rows.length;
  }
  return fold;
}

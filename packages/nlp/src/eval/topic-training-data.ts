// The topic dataset that training (scripts/train.ts), the benchmark and scripts/cv-topics.ts build
// alike: the shared topic texts, then our labeled rows (train-topics.ts: trained on, never scored,
// and never one of the topic texts), with the text-domain and feed-item classifiers, which learn
// from the sentiment texts that are not topic texts. One place says what those classifiers must not
// see, so no caller can let a scored text into them.

import type { LinearModelFile } from '../sentiment/linear-model.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';
import { trainFeedItemClassifiers } from '../topics/feed-items.js';
import { trainTextDomains } from '../topics/text-domains.js';
import { buildTopicDataset, type TopicDataset, type TopicExample } from '../topics/topic-dataset.js';
import { readFeedTopicExamples, type FeedTopicExample } from './feed-topics.js';

export interface TopicTrainingData {
  /** `examples`' rows first, then `extraExamples`'. */
  data: TopicDataset;
  /** The rows of `extraExamples`: fitTopicModelGroups's and crossValidateTopics's `extra`. */
  extra: number[];
  domains: LinearModelFile<string>[];
  feedItems: LinearModelFile<string>[];
  /** Our labeled items of shared/data/feeds, which the feed-item classifiers learned from. */
  feeds: FeedTopicExample[];
}

/** The scored topic texts: what the text-domain and feed-item classifiers never learn from. */
export function labeledTopicTexts(examples: readonly TopicExample[]): Set<string> {
  return new Set(examples.map((e) => e.text));
}

export function topicTrainingData(options: {
  env: Record<string, string | undefined>;
  /** The shared topic texts: the ones cross-validation scores. */
  examples: readonly TopicExample[];
  /** Our labeled rows (train-topics.ts): trained on, never scored. */
  extraExamples: readonly TopicExample[];
  wink: WinkSentiment;
  /** Character n-grams across word boundaries at this weight (cross-word-ngrams.ts); 0: none. */
  crossWord?: number;
  /** false: without the text-domain features, as before round 8. */
  domains?: boolean;
  /** false: without the feed-item classifiers, as before round 13. */
  feedItems?: boolean;
  /** false: long texts judged whole, as before round 29 (else in pieces, as the tagger does: mention-pieces.ts). */
  pieces?: boolean;
}): TopicTrainingData {
  const { env, examples, extraExamples, wink } = options;
  // The classifiers learn from our labeled rows too (ROUNDS.md round 27): English's only texts of
  // known source past the topic texts are the sentiment dev rows we labeled.
  const exclude = labeledTopicTexts(examples);
  const leaked = extraExamples.find((e) => exclude.has(e.text));
  if (leaked) throw new Error(`a labeled training row of ours is a scored topic text: "${leaked.text.slice(0, 60)}"`);
  const domains = options.domains === false ? [] : trainTextDomains({ env, exclude, wink });
  const feeds = readFeedTopicExamples(env);
  const feedItems = options.feedItems === false ? [] : trainFeedItemClassifiers({ env, exclude, feedItems: feeds, wink });
  const data = buildTopicDataset([...examples, ...extraExamples], {
    wink,
    crossWord: options.crossWord ?? 0,
    domains,
    feedItems,
    // Only the topic texts are ever scored; our rows are trained on whole.
    pieces: options.pieces !== false && ((n) => n < examples.length),
  });
  return { data, extra: extraExamples.map((_, i) => examples.length + i), domains, feedItems, feeds };
}

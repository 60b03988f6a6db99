// Out-of-fold feed-item probabilities (topics/feed-items.ts) for the classifier's own training texts:
// its customer texts (the sentiment rows that are not topic texts) by row folds, the feed items by
// whole feeds held out, as a new feed would come. What the classifier would say of texts it never
// saw: the feed-item bar is chosen on these (scripts/feed-item-bar.ts), and the feed-item neutral
// rule measured (scripts/feed-sentiment.ts), without the in-sample optimism of the shipped classifier.

import { readTopicFile } from './read-topics.js';
import { feedFolds } from './feed-topic-cv.js';
import { sharedDataFile } from './shared-dir.js';
import { createLanguageFeatures, HASH_BITS } from '../sentiment/language-features.js';
import { loadLinearModel } from '../sentiment/linear-model.js';
import { trainLinearModel } from '../sentiment/train-linear-model.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';
import { customerTexts, FEED_ITEM_CLASSES, FEED_ITEM_MAX_FEATURES } from '../topics/feed-items.js';

export interface OutOfFoldFeedItems {
  /** The customer texts (shared sentiment dev and train rows of the language, topic texts left out). */
  customer: { text: string; source: string; probability: number }[];
  /** Per feed item given, in order: its probability by a classifier trained without its feed. */
  feed: number[];
}

export function outOfFoldFeedItemProbabilities(options: {
  env: Record<string, string | undefined>;
  lang: string;
  feeds: readonly { feed: string; text: string }[];
  wink?: WinkSentiment;
  folds?: number;
}): OutOfFoldFeedItems {
  const { env, lang, feeds } = options;
  const k = options.folds ?? 5;
  const { extractor, denseCount } = createLanguageFeatures({ lang, ...(options.wink ? { wink: options.wink } : {}) });
  const topicFile = sharedDataFile(env, 'topics/dev', lang);
  const exclude = new Set(topicFile ? readTopicFile(topicFile).examples.map((e) => e.text) : []);
  const customer = customerTexts(env, lang, exclude).map((c) => ({ ...c, x: extractor.extract(c.text) }));
  const feedX = feeds.map((f) => extractor.extract(f.text));
  const feedFold = feedFolds(feeds, k);
  const customerP = new Array<number>(customer.length).fill(0);
  const feedP = new Array<number>(feeds.length).fill(0);
  const p = new Float64Array(2);
  for (let f = 0; f < k; f++) {
    const examples = [
      ...customer.flatMap((c, i) => (i % k !== f ? [{ x: c.x, label: 'customer' }] : [])),
      ...feedX.flatMap((x, i) => (feedFold[i] !== f ? [{ x, label: 'feed' }] : [])),
    ];
    const model = loadLinearModel(
      trainLinearModel<string>({ lang, examples, classOrder: FEED_ITEM_CLASSES, hashBits: HASH_BITS, denseCount, maxFeatures: FEED_ITEM_MAX_FEATURES }),
    );
    customer.forEach((c, i) => {
      if (i % k !== f) return;
      model.predictInto(c.x, c.x.indices.length, p);
      customerP[i] = p[1]!;
    });
    feedX.forEach((x, i) => {
      if (feedFold[i] !== f) return;
      model.predictInto(x, x.indices.length, p);
      feedP[i] = p[1]!;
    });
  }
  return { customer: customer.map((c, i) => ({ text: c.text, source: c.source, probability: customerP[i]! })), feed: feedP };
}

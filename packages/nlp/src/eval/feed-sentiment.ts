// Real feed items labeled with sentiment: the same 567 items of shared/data/feeds as the topic labels
// (feed-topics.ts), labeled by us with the convention in data/README.md (the attitude toward what the
// item is about; factual news, release notes, listings and questions neutral). No sentiment data of
// shared/ is a feed item, and the English model read 343 of these items as a side (ROUNDS.md, round 14).
// data/feed-sentiment.jsonl holds feed file, item number, language, label and a few words of why; the
// text stays in shared/ and is read as the collector reads it.

import { createAnalyzer } from '../analyzer.js';
import { FEED_ITEM_NEUTRAL_BAND, feedItemNeutral } from '../sentiment/feed-item-neutral.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';
import { FEED_ITEM_BAR } from '../topics/decide-topics.js';
import { FEED_ITEM_LANGUAGES } from '../topics/feed-items.js';
import type { Sentiment, SentimentLabel } from '../types.js';
import { outOfFoldFeedItemProbabilities } from './feed-item-oof.js';
import { readFeedItemTexts, readFeedTopicExamples, readLabelLines, type FeedItemRef } from './feed-topics.js';

export interface FeedSentimentExample {
  feed: string;
  item: number;
  lang: string;
  text: string;
  label: SentimentLabel;
}

interface FeedSentimentLabel {
  feed: string;
  item: number;
  lang: string;
  sentiment: SentimentLabel;
}

const LABELS: readonly string[] = ['positive', 'neutral', 'negative'];

/** Our labels (data/feed-sentiment.jsonl), checked: every label a sentiment. */
export function readFeedSentimentLabels(path = new URL('../../data/feed-sentiment.jsonl', import.meta.url)): FeedSentimentLabel[] {
  return readLabelLines<FeedSentimentLabel>(path, (label) => (LABELS.includes(label.sentiment) ? undefined : `unknown sentiment "${String(label.sentiment)}"`));
}

/** The labeled items with their text, as the analyzer gets them. */
export function readFeedSentimentExamples(env: Record<string, string | undefined>, labels = readFeedSentimentLabels()): FeedSentimentExample[] {
  const texts = readFeedItemTexts(env, labels);
  return labels.map((label, i) => ({ feed: label.feed, item: label.item, lang: label.lang, text: texts[i]!, label: label.sentiment }));
}

/** The labeled items as the shipped sentiment models read them, and each item's feed-item probability out of fold. */
export interface ScoredFeedItems {
  items: FeedSentimentExample[];
  /** The shipped analyzer's sentiment, without the feed-item neutral rule. */
  sentiment: Sentiment[];
  /** By a feed-item classifier trained without the item's feed (0 in languages without one). */
  probability: number[];
  /** The feed-item classifiers' customer texts, each with its probability out of fold (what the rule would cost them). */
  customer: Map<string, number>;
}

/**
 * The sentiment models never train on a feed item, so the shipped ones score them as they would a new
 * feed; the feed-item classifier did train on them, so each item's probability comes from one trained
 * without its feed (feed-item-oof.ts), over the topic labels' items of the language.
 */
export function scoreFeedItems(env: Record<string, string | undefined>, wink: WinkSentiment): ScoredFeedItems {
  const items = readFeedSentimentExamples(env);
  const analyzer = createAnalyzer({ feedItemNeutral: false });
  const sentiment = analyzer.analyzeBatch(items.map((e) => ({ text: e.text, langHint: e.lang }))).map((a) => a.sentiment);
  const key = (f: FeedItemRef): string => `${f.feed}#${f.item}`;
  const probability = new Map<string, number>();
  const customer = new Map<string, number>();
  const topicItems = readFeedTopicExamples(env);
  for (const lang of FEED_ITEM_LANGUAGES) {
    const feeds = topicItems.filter((f) => f.lang === lang);
    const oof = outOfFoldFeedItemProbabilities({ env, lang, feeds, wink });
    feeds.forEach((f, i) => probability.set(key(f), oof.feed[i]!));
    for (const c of oof.customer) customer.set(c.text, c.probability);
  }
  return { items, sentiment, probability: items.map((e) => probability.get(key(e)) ?? 0), customer };
}

/** An item's label under the feed-item neutral rule (sentiment/feed-item-neutral.ts) with this band (and bar: measurement only). */
export function feedItemLabel(scored: ScoredFeedItems, i: number, band = FEED_ITEM_NEUTRAL_BAND, bar = FEED_ITEM_BAR): SentimentLabel {
  return feedItemNeutral(scored.sentiment[i]!, () => scored.probability[i]!, { band, bar }).label;
}

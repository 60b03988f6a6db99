// A news, blog or forum feed item mostly reports: release notes, listings, headlines and how-tos.
// The sentiment models learned from customers' reviews and tweets, where nearly every text takes a
// side, and read 343 of the 567 items of the real feeds in shared/data/feeds as positive or negative,
// where we labeled 369 neutral (data/feed-sentiment.jsonl). So a mention the feed-item classifier
// (topics/feed-items.ts) reads as a feed item, at the tagger's own bar, is neutral unless the model is
// sure of its side. The band was chosen by nested cross-validation over whole feeds, each item's
// feed-item probability from a classifier that never saw its feed (scripts/feed-sentiment.ts): 0.6
// in every fold (feed-item macro-F1 0.461 → 0.506). ROUNDS.md, issue 10 round 14.

import type { Sentiment } from '../types.js';
import { FEED_ITEM_BAR } from '../topics/decide-topics.js';

/** |score| from which a feed item keeps the side the model gave it. */
export const FEED_ITEM_NEUTRAL_BAND = 0.6;

/**
 * `feedItem`: the mention's feed-item probability, asked only where the answer can matter. `rule`: the
 * band and bar, other than the shipped ones only where measurements compare them (scripts/feed-sentiment.ts).
 */
export function feedItemNeutral(sentiment: Sentiment, feedItem: () => number, rule = { band: FEED_ITEM_NEUTRAL_BAND, bar: FEED_ITEM_BAR }): Sentiment {
  if (sentiment.label === 'neutral' || Math.abs(sentiment.score) >= rule.band) return sentiment;
  return feedItem() >= rule.bar ? { label: 'neutral', score: sentiment.score } : sentiment;
}

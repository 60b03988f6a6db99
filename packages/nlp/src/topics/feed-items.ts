// Is a mention a customer's own text (a review, a complaint, a tweet at a brand) or an item of a
// news, blog or forum feed (a headline, a column, release notes, a link to a photo)? The topic texts
// are all customer texts, so the tagger learned that nearly half of all texts have a customer topic:
// on the items of real feeds it tagged 280 of 567, and 406 of its 428 tags were wrong (ROUNDS.md,
// round 13). Customer topics are what a feed item is about far more rarely than what a customer
// writes about, and a few hundred items do not teach the tagger which ones.
//
// So a small logistic regression over the sentiment features tells the two apart: customer texts
// are the sentiment data's texts that are not topic texts (cross-validation of the tagger never
// scores a text it saw), feed items our labeled items of shared/data/feeds (eval/feed-topics.ts).
// Where a mention is surely a feed item (decide-topics.ts FEED_ITEM_BAR), the tagger withholds every
// topic except those left to cue rules whatever the gate says. English only: the feeds hold 557
// English items from 38 feeds and 10 Russian ones from one feed, too few to learn from.

import { readLabeledFile } from '../eval/read-labeled.js';
import { sharedDataFile } from '../eval/shared-dir.js';
import { createLanguageFeatures, HASH_BITS } from '../sentiment/language-features.js';
import type { LinearModelFile } from '../sentiment/linear-model.js';
import { trainLinearModel } from '../sentiment/train-linear-model.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';

export const FEED_ITEM_LANGUAGES: readonly string[] = ['en'];
export const FEED_ITEM_CLASSES = ['customer', 'feed'] as const;
/**
 * Buckets each classifier keeps (the strongest). More reach further at the same bar rule
 * (scripts/feed-item-bar.ts, held-out feed items read at each size's own bar): 10,000 → 311 of 557
 * (bar 0.75), 20,000 → 333 (0.8), 40,000 → 351 (0.85), 80,000 → 352 (0.9). ROUNDS.md, round 14.
 */
export const FEED_ITEM_MAX_FEATURES = 40_000;

/**
 * One classifier per language of FEED_ITEM_LANGUAGES: shared/data/sentiment/{dev,train} rows whose
 * text is not in `exclude` (the topic texts) against `feedItems` of that language. Deterministic.
 */
export function trainFeedItemClassifiers(options: {
  env: Record<string, string | undefined>;
  exclude: ReadonlySet<string>;
  feedItems: readonly { text: string; lang: string }[];
  wink?: WinkSentiment;
}): LinearModelFile<string>[] {
  return FEED_ITEM_LANGUAGES.flatMap((lang) => {
    const items = options.feedItems.filter((item) => item.lang === lang);
    const texts = customerTexts(options.env, lang, options.exclude);
    if (items.length === 0 || texts.length === 0) return [];
    const { extractor, denseCount } = createLanguageFeatures({ lang, ...(options.wink ? { wink: options.wink } : {}) });
    const customer = texts.map((row) => ({ x: extractor.extract(row.text), label: 'customer' }));
    const feed = items.map((item) => ({ x: extractor.extract(item.text), label: 'feed' }));
    return [
      trainLinearModel<string>({
        lang,
        examples: [...customer, ...feed],
        classOrder: FEED_ITEM_CLASSES,
        hashBits: HASH_BITS,
        denseCount,
        maxFeatures: FEED_ITEM_MAX_FEATURES,
      }),
    ];
  });
}

/** A classifier's customer texts: the language's shared sentiment dev and train rows whose text is not in `exclude`, with their source. */
export function customerTexts(env: Record<string, string | undefined>, lang: string, exclude: ReadonlySet<string>): { text: string; source: string }[] {
  return (['sentiment/dev', 'sentiment/train'] as const).flatMap((set) => {
    const path = sharedDataFile(env, set, lang);
    return path
      ? readLabeledFile(path).examples.flatMap((row) => (row.lang === lang && !exclude.has(row.text) ? [{ text: row.text, source: row.source ?? set }] : []))
      : [];
  });
}

// The feed-item neutral rule (sentiment/feed-item-neutral.ts) on our sentiment labels of the real
// feed items in shared/data/feeds, each item's feed-item probability from a classifier that never saw
// its feed: what a user would check is fewer news and blog items read as taking a side, the items
// that do take one still found. Skips with a message when the shared folder is absent; fails under CI=true.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWinkSentiment } from '../sentiment/wink-sentiment.js';
import { feedItemLabel, readFeedSentimentLabels, scoreFeedItems } from './feed-sentiment.js';
import { readFeedTopicLabels } from './feed-topics.js';
import { classificationReport } from './metrics.js';
import { sharedForTest } from './shared-dir.js';

const shared = sharedForTest(process.env, join('data', 'feeds'));
if (shared.missing) console.warn(`skipping sentiment on feed items: ${shared.missing}`);

describe('sentiment on the feed items of shared/data', () => {
  it('labels the same items as the topic labels, in the same order', () => {
    const key = (l: { feed: string; item: number; lang: string }) => `${l.feed}#${l.item}#${l.lang}`;
    expect(readFeedSentimentLabels().map(key)).toEqual(readFeedTopicLabels().map(key));
  });

  it.skipIf(shared.missing !== undefined)('reads fewer feed items as taking a side, and keeps those that do', { timeout: 300_000 }, () => {
    const scored = scoreFeedItems(process.env, createWinkSentiment());
    const gold = scored.items.map((e) => e.label);
    const before = scored.sentiment.map((s) => s.label);
    const after = scored.items.map((_, i) => feedItemLabel(scored, i));
    const report = (predicted: string[]) => classificationReport(predicted.map((p, i) => ({ gold: gold[i]!, predicted: p })));
    expect(report(after).macroF1).toBeGreaterThan(report(before).macroF1 + 0.02);
    expect(report(after).f1.neutral!).toBeGreaterThan(report(before).f1.neutral! + 0.05);
    // Of the items read as negative (what alerts are made of), no smaller a share is truly negative.
    const negativePrecision = (predicted: string[]) =>
      predicted.filter((p, i) => p === 'negative' && gold[i] === 'negative').length / predicted.filter((p) => p === 'negative').length;
    expect(negativePrecision(after)).toBeGreaterThanOrEqual(negativePrecision(before));
  });
});

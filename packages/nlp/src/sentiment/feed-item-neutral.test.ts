import { describe, expect, it } from 'vitest';
import { FEED_ITEM_BAR } from '../topics/decide-topics.js';
import { FEED_ITEM_NEUTRAL_BAND, feedItemNeutral } from './feed-item-neutral.js';

describe('the feed-item neutral rule', () => {
  const asked = (p: number) => {
    const calls: number[] = [];
    return { calls, feedItem: () => (calls.push(p), p) };
  };

  it('makes a feed item neutral where the model is unsure, keeping its score', () => {
    const { feedItem } = asked(FEED_ITEM_BAR);
    expect(feedItemNeutral({ label: 'negative', score: -0.3 }, feedItem)).toEqual({ label: 'neutral', score: -0.3 });
  });

  it('leaves a customer text, and a feed item the model is sure of, as they are', () => {
    expect(feedItemNeutral({ label: 'positive', score: 0.3 }, asked(FEED_ITEM_BAR - 0.01).feedItem)).toEqual({ label: 'positive', score: 0.3 });
    expect(feedItemNeutral({ label: 'negative', score: -FEED_ITEM_NEUTRAL_BAND }, asked(1).feedItem).label).toBe('negative');
  });

  it('asks whether the mention is a feed item only where the answer can change the label', () => {
    const neutral = asked(1);
    feedItemNeutral({ label: 'neutral', score: 0.2 }, neutral.feedItem);
    const sure = asked(1);
    feedItemNeutral({ label: 'positive', score: 0.9 }, sure.feedItem);
    expect([neutral.calls, sure.calls]).toEqual([[], []]);
  });
});

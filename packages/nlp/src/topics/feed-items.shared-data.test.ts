// The feed-item gate (feed-items.ts, decide-topics.ts) on the real data: our labeled items of
// shared/data/feeds, each judged by a classifier that never saw its feed, beside the topic texts,
// which no classifier saw. What a user of the tagger would check: far fewer wrong topics on news,
// blog and forum items, most right ones kept, customer texts untouched. Skips with a message when
// the shared folder is absent; fails under CI=true.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidateFeedItems } from '../eval/feed-topic-cv.js';
import { readFeedTopicExamples, readFeedTopicLabels } from '../eval/feed-topics.js';
import { readTopicFile } from '../eval/read-topics.js';
import { sharedForTest } from '../eval/shared-dir.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { FEED_ITEM_BAR } from './decide-topics.js';
import { trainFeedItemClassifiers } from './feed-items.js';
import { buildTopicDataset, topicMask } from './topic-dataset.js';

const shared = sharedForTest(process.env, join('data', 'feeds'));
if (shared.missing) console.warn(`skipping the feed-item gate on shared data: ${shared.missing}`);

describe.skipIf(shared.missing !== undefined)('the feed-item gate on shared/data', () => {
  it('finds every labeled item in its feed, with text', () => {
    const labels = readFeedTopicLabels();
    const items = readFeedTopicExamples(process.env, labels);
    expect(items).toHaveLength(labels.length);
    for (const item of items) expect(item.text.trim(), item.feed).not.toBe('');
  });

  it('cuts wrong topics on held-out feeds, keeps the right ones and reads no customer text as a feed item', { timeout: 300_000 }, () => {
    const topicTexts = SUPPORTED_LANGUAGES.flatMap((lang) => readTopicFile(join(shared.path, '..', 'topics', 'dev', `${lang}.jsonl`)).examples);
    const feeds = readFeedTopicExamples(process.env);
    // The gate alone: long items judged whole both ways (in pieces, an item likely to be a feed item is
    // judged whole, which the run without the gate cannot know: ROUNDS.md round 29).
    const cv = crossValidateFeedItems({ env: process.env, topicTexts, feeds, pieces: false });
    const count = (masks: readonly number[]) => {
      let right = 0;
      let wrong = 0;
      masks.forEach((mask, i) => {
        const gold = topicMask(feeds[i]!.topics);
        for (let m = mask; m !== 0; m &= m - 1) {
          if ((m & -m & gold) !== 0) right++;
          else wrong++;
        }
      });
      return { right, wrong };
    };
    const without = count(cv.ungated);
    const withGate = count(cv.gated);
    expect(withGate.wrong).toBeLessThan(0.6 * without.wrong);
    expect(withGate.right).toBeGreaterThanOrEqual(0.9 * without.right);
    // The classifiers trained on every feed item: the topic texts (customer texts none of them saw) stay customer texts.
    const classifiers = trainFeedItemClassifiers({ env: process.env, exclude: new Set(topicTexts.map((e) => e.text)), feedItems: feeds });
    const data = buildTopicDataset(topicTexts, { feedItems: classifiers });
    const english = topicTexts.flatMap((e, i) => (e.lang === 'en' ? [i] : []));
    const read = english.filter((i) => data.feedItemProbability![i]! >= FEED_ITEM_BAR).length;
    expect(read / english.length).toBeLessThan(0.01);
  });
});

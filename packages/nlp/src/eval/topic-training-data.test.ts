import { describe, expect, it } from 'vitest';
import { createWinkSentiment } from '../sentiment/wink-sentiment.js';
import type { TopicExample } from '../topics/topic-dataset.js';
import { topicTrainingData } from './topic-training-data.js';

describe('topicTrainingData', () => {
  it('refuses a labeled row of ours that is one of the scored topic texts', () => {
    const scored: TopicExample = { text: 'The courier came a week late', lang: 'en', topics: ['delivery'], aspects: { delivery: 'negative' } };
    const ours: TopicExample = { ...scored, topics: [], aspects: {} };
    expect(() => topicTrainingData({ env: {}, examples: [scored], extraExamples: [ours], wink: createWinkSentiment() })).toThrow(
      'a labeled training row of ours is a scored topic text: "The courier came a week late"',
    );
  });
});

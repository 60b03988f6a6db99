import { describe, expect, it } from 'vitest';
import type { KafkaBusOptions } from './kafka-options.js';
import { missingTopicsError, planTopics } from './topic-plan.js';

describe('topic plan', () => {
  it.each<{ name: string; options: Pick<KafkaBusOptions, 'topicPrefix' | 'replicationFactor' | 'topics'>; want: object }>([
    { name: 'defaults', options: {}, want: { kafkaName: 'mentions.raw', partitions: 3, replicationFactor: 1 } },
    {
      name: 'prefix and bus replication',
      options: { topicPrefix: 'earshot.', replicationFactor: 3 },
      want: { kafkaName: 'earshot.mentions.raw', partitions: 3, replicationFactor: 3 },
    },
    {
      name: 'per-topic settings win',
      options: { topicPrefix: 'p.', replicationFactor: 3, topics: { 'mentions.raw': { partitions: 12, replicationFactor: 2 } } },
      want: { kafkaName: 'p.mentions.raw', partitions: 12, replicationFactor: 2 },
    },
    {
      name: 'other topics keep the defaults',
      options: { topics: { alerts: { partitions: 1 } } },
      want: { kafkaName: 'mentions.raw', partitions: 3, replicationFactor: 1 },
    },
  ])('$name', ({ options, want }) => {
    expect(planTopics([{ name: 'mentions.raw', partitions: 3 }], options)).toEqual([{ name: 'mentions.raw', ...want }]);
  });

  it('names every missing topic and the setting, and is not retriable', () => {
    const err = missingTopicsError(
      planTopics(
        [
          { name: 'a', partitions: 1 },
          { name: 'b', partitions: 1 },
        ],
        { topicPrefix: 'earshot.' },
      ),
    );
    expect(err.message).toContain('earshot.a, earshot.b');
    expect(err.message).toContain('bus.createTopics is false');
    expect(err.retriable).toBe(false);
    expect(err.code).toBe('config');
  });
});

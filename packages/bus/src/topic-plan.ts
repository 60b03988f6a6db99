// Which topics a Kafka bus creates, and how: the caller's partition count unless the config names
// one for that topic, the replication factor per topic or the bus default. With `createTopics: false`
// (topics owned by infrastructure code) nothing is created; missing topics are an error that names
// them and the setting, before any stage starts work.
import { EarshotError } from '@earshot/core';
import type { KafkaBusOptions } from './kafka-options.js';
import type { TopicSpec } from './port.js';

export interface PlannedTopic {
  name: string;
  kafkaName: string;
  partitions: number;
  replicationFactor: number;
}

export function planTopics(specs: TopicSpec[], options: Pick<KafkaBusOptions, 'topicPrefix' | 'topics' | 'replicationFactor'>): PlannedTopic[] {
  return specs.map((spec) => {
    const own = options.topics?.[spec.name];
    return {
      name: spec.name,
      kafkaName: `${options.topicPrefix ?? ''}${spec.name}`,
      partitions: own?.partitions ?? spec.partitions,
      replicationFactor: own?.replicationFactor ?? options.replicationFactor ?? 1,
    };
  });
}

/** The error for topics that must exist (createTopics: false) but do not. */
export function missingTopicsError(missing: PlannedTopic[]): EarshotError {
  const names = missing.map((t) => t.kafkaName).join(', ');
  return new EarshotError(
    `kafka: topic${missing.length > 1 ? 's' : ''} ${names} do${missing.length > 1 ? '' : 'es'} not exist and bus.createTopics is false: create ${missing.length > 1 ? 'them' : 'it'} on the cluster (with the partitions you want) or set bus.createTopics: true`,
    { code: 'config', retriable: false },
  );
}

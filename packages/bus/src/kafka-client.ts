// The Kafka client libraries Earshot can run its Kafka bus on, and the one switch between them
// (`bus.client` in the config). Both adapters take the same options and pass the same contract.
// The `@earshot/bus/kafka` entry: everything a composition root or a test needs to run on Kafka.
import type { Bus } from './port.js';
import type { KafkaBusOptions } from './kafka-options.js';
import { createKafkaBus } from './kafka/kafka-bus.js';
import { createPlatformaticBus } from './platformatic/platformatic-bus.js';

export const KAFKA_CLIENTS = ['kafkajs', 'platformatic'] as const;
export type KafkaClient = (typeof KAFKA_CLIENTS)[number];

export function createKafkaClientBus(client: KafkaClient, options: KafkaBusOptions): Bus {
  return client === 'platformatic' ? createPlatformaticBus(options) : createKafkaBus(options);
}

export { createKafkaBus } from './kafka/kafka-bus.js';
export { dropKafkaTopics } from './kafka/drop-topics.js';
export { createPlatformaticBus } from './platformatic/platformatic-bus.js';
export { probeKafkaMajorVersion } from './platformatic/probe-version.js';
export { listKafkaGroups } from './kafka/list-groups.js';

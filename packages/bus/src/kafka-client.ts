// The Kafka client libraries Earshot can run its Kafka bus on, and a switch between them for tests
// and benchmarks that run on each. Both adapters take the same options and pass the same contract.
// The `@earshot/bus/kafka` entry: everything a test needs to run on Kafka; it loads both clients.
// The composition root imports the one `bus.client` names through `@earshot/bus/kafkajs` or
// `@earshot/bus/platformatic` instead, so a process loads one client (@platformatic/kafka alone
// takes most of a second to load).
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
export { describeKafkaGroup, type KafkaGroupReport } from './kafka/describe-group.js';

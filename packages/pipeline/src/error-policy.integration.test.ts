// The stage runner's error policy on a real Kafka broker, once per client library (kafkajs,
// @platformatic/kafka). Topics live under a prefix unique to this run and are deleted afterwards.
import { afterAll, inject, it } from 'vitest';
import { createKafkaClientBus, dropKafkaTopics, KAFKA_CLIENTS } from '@earshot/bus/kafka';
import { errorPolicySuite } from './error-policy-suite.js';

const brokers = inject('kafkaBrokers');
const run = `policy${Date.now().toString(36)}.`;
let n = 0;

if (!brokers) {
  it.skip(`stage runner error policy on Kafka (${inject('serversUnavailable') || 'KAFKA_BROKERS not set'})`, () => {});
} else {
  for (const client of KAFKA_CLIENTS) {
    errorPolicySuite(`kafka (${client})`, {
      connect: async () => createKafkaClientBus(client, { brokers: brokers.split(','), clientId: 'earshot-policy', topicPrefix: run }),
      unique: () => `t${++n}`,
      timeoutMs: 60_000,
    });
  }
  afterAll(async () => {
    await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: run });
  });
}

// The bus contract against a real Kafka broker (KAFKA_BROKERS, found or started by the global setup).
import { inject } from 'vitest';
import { busContract } from '../contract.js';
import { createKafkaBus } from './kafka-bus.js';

const brokers = inject('kafkaBrokers');
const run = `bus${Date.now().toString(36)}`;
let n = 0;

if (!brokers) {
  // The global setup already explained why (and fails under CI=true).
  const { it } = await import('vitest');
  it.skip(`bus contract: kafka (${inject('serversUnavailable') || 'KAFKA_BROKERS not set'})`, () => {});
} else {
  busContract('kafka', {
    connect: async () => createKafkaBus({ brokers: brokers.split(','), clientId: 'earshot-contract', topicPrefix: `${run}.` }),
    unique: () => `t${++n}`,
    timeoutMs: 60_000,
  });
}

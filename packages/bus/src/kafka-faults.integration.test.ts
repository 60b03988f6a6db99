// Broker faults a subscription must ride out, on the suite's second broker (its fault listener, which
// a proxy stands in front of: testing/kafka-fault-proxy.ts), once per client library. A member that
// cannot join its group again for longer than its client retries (@platformatic/kafka then emits
// `error` on the consumer, which used to end the process) keeps running, says so, and joins again.
import { PassThrough } from 'node:stream';
import { createLogger } from '@earshot/observability';
import { afterAll, expect, inject, it } from 'vitest';
import { describeKafkaGroup } from './kafka/describe-group.js';
import { dropKafkaTopics } from './kafka/drop-topics.js';
import { createKafkaClientBus, KAFKA_CLIENTS, type KafkaClient } from './kafka-client.js';
import type { KafkaBusOptions } from './kafka-options.js';
import type { Bus } from './port.js';
import { KAFKA_API, startKafkaFaultProxy } from './testing/kafka-fault-proxy.js';
import type { FaultListener } from '../../../test/setup/kafka-matrix.js';

const matrixBrokers = inject('kafkaMatrixBrokers');
const fault: FaultListener | undefined = inject('kafkaFaultListener') ? (JSON.parse(inject('kafkaFaultListener')) as FaultListener) : undefined;
const run = `fx${Date.now().toString(36)}.`;
let n = 0;

const waitFor = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

// Short group timeouts, so that the broker gives up on the unreachable member in seconds.
const consumer = { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 6000 };

function faultSuite(client: KafkaClient, listener: FaultListener): void {
  const connect = (options: Omit<KafkaBusOptions, 'topicPrefix'>): Bus => createKafkaClientBus(client, { topicPrefix: run, consumer, ...options });

  it(`${client}: a member that cannot rejoin the group for a while keeps running and joins again`, async () => {
    const proxy = await startKafkaFaultProxy({ upstream: listener.upstream, port: listener.proxyPort });
    const log = new PassThrough();
    const warnings: string[] = [];
    log.on('data', (chunk: Buffer) => warnings.push(...chunk.toString().split('\n').filter(Boolean)));
    const far = connect({ brokers: [proxy.address], clientId: 'earshot-faults-far', logger: createLogger({ level: 'warn', destination: log }) });
    const near = connect({ brokers: matrixBrokers.split(','), clientId: 'earshot-faults-near' });
    const topic = `t${++n}.rejoin`;
    const group = `${topic}.g`;
    const members = async () => (await describeKafkaGroup({ brokers: matrixBrokers.split(','), groupId: `${run}${group}`, topic: `${run}${topic}` })).members;
    try {
      await near.ensureTopics([{ name: topic, partitions: 2 }]);
      const publish = (round: string) =>
        near.publish(
          topic,
          Array.from({ length: 40 }, (_, i) => ({ key: `${round}${i}`, value: Buffer.from(`${round}${i}`) })),
        );
      const byFar: string[] = [];
      const byNear: string[] = [];
      const one = await far.subscribe({ groupId: group, topic, handler: async (batch) => void byFar.push(...batch.map((m) => m.value.toString())) });
      await publish('a');
      await waitFor(async () => (await near.lag(group, topic)) === 0, 'the first member read round a');

      // A second member joins while the first cannot reach the coordinator to join again: the group
      // goes on without it, and it is refused for longer than its client retries a join (about 20 s).
      proxy.refuse([KAFKA_API.joinGroup]);
      const refusedUntil = Date.now() + 30_000;
      const two = await near.subscribe({ groupId: group, topic, handler: async (batch) => void byNear.push(...batch.map((m) => m.value.toString())) });
      await publish('b');
      await waitFor(() => byNear.filter((v) => v.startsWith('b')).length === 40, 'the second member reading all of round b');
      await new Promise((r) => setTimeout(r, refusedUntil - Date.now()));
      expect(proxy.refused).toBeGreaterThan(0);

      // The coordinator answers again: the first member joins again and is given a partition.
      proxy.refuse([]);
      await waitFor(
        async () => {
          const now = await members();
          return now.length === 2 && now.every((m) => m.partitions?.length === 1);
        },
        'both members in the group with a partition each',
        90_000,
      );
      await publish('c');
      await waitFor(async () => (await near.lag(group, topic)) === 0, 'nothing left unread');
      const read = new Set([...byFar, ...byNear]);
      for (const round of ['a', 'b', 'c']) for (let i = 0; i < 40; i++) expect(read.has(`${round}${i}`), `${round}${i} read`).toBe(true);
      expect(byFar.some((v) => v.startsWith('c'))).toBe(true);
      // What the operator sees: the member said it could not reach the group.
      expect(warnings.length).toBeGreaterThan(0);
      await Promise.all([one.stop(), two.stop()]);
    } finally {
      await Promise.all([far.close(), near.close()]);
      await proxy.close();
    }
  }, 180_000);
}

if (!matrixBrokers || !fault) {
  it.skip(`kafka faults (${inject('serversUnavailable') || 'no fault listener on a second broker from the global setup'})`, () => {});
} else {
  for (const client of KAFKA_CLIENTS) faultSuite(client, fault);

  afterAll(async () => {
    await dropKafkaTopics({ brokers: matrixBrokers.split(','), topicPrefix: run });
  });
}

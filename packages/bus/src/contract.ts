// The contract every bus adapter must honour, as one suite: run it against the embedded bus in
// unit tests and against Kafka in integration tests (delivery, order, redelivery after a failure,
// partial acknowledgement, resuming from the last commit, lag). Each factory call must give a bus that sees
// the same durable log (same file / same cluster) so restarts can be tested.
import { describe, expect, it } from 'vitest';
import type { Bus, BusMessage } from './port.js';
import { pollUntil } from './testing/poll-until.js';

export interface BusContractOptions {
  /** A new bus client over the same log; `scope` names topics/groups unique to one test. */
  connect(): Promise<Bus>;
  /** A prefix unique to this run (topics and groups are made from it). */
  unique(): string;
  /** How long to wait for deliveries (Kafka rebalances are slow). */
  timeoutMs?: number;
}

const waitFor = (check: () => boolean, timeoutMs: number, what: string) => pollUntil(check, what, timeoutMs, 20);

const text = (m: BusMessage) => m.value.toString();

export function busContract(name: string, options: BusContractOptions): void {
  const timeout = options.timeoutMs ?? 5000;
  describe(`bus contract: ${name}`, () => {
    it('delivers what was published, with key and headers, per key in order', async () => {
      const bus = await options.connect();
      const id = options.unique();
      const topic = `${id}.orders`;
      await bus.ensureTopics([{ name: topic, partitions: 3 }]);
      const messages = Array.from({ length: 60 }, (_, i) => ({ key: `k${i % 4}`, value: Buffer.from(`${i % 4}:${i}`), headers: { n: String(i) } }));
      await bus.publish(topic, messages);
      const got: BusMessage[] = [];
      const sub = await bus.subscribe({ groupId: `${id}.g`, topic, handler: async (batch) => void got.push(...batch) });
      await waitFor(() => got.length >= 60, timeout, '60 messages');
      await sub.stop();
      expect(got).toHaveLength(60);
      for (const key of ['k0', 'k1', 'k2', 'k3']) {
        const ofKey = got.filter((m) => m.key === key).map((m) => Number(text(m).split(':')[1]));
        expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
        expect(ofKey).toHaveLength(15);
      }
      expect(got.find((m) => text(m) === '1:5')?.headers.n).toBe('5');
      await bus.close();
    });

    it('accepts concurrent publishes from one client, each one delivered once', async () => {
      const bus = await options.connect();
      const id = options.unique();
      const topic = `${id}.concurrent`;
      await bus.ensureTopics([{ name: topic, partitions: 2 }]);
      // Many stages share one bus client and publish at the same time (the collector's sources do).
      await Promise.all(Array.from({ length: 12 }, (_, i) => bus.publish(topic, [{ key: `k${i % 3}`, value: Buffer.from(String(i)) }])));
      const got: string[] = [];
      const sub = await bus.subscribe({ groupId: `${id}.g`, topic, handler: async (batch) => void got.push(...batch.map(text)) });
      await waitFor(() => got.length >= 12, timeout, '12 messages');
      await sub.stop();
      expect([...got].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
      await bus.close();
    });

    it('redelivers a batch whose handler failed, and commits only after success', async () => {
      const bus = await options.connect();
      const id = options.unique();
      const topic = `${id}.retry`;
      await bus.ensureTopics([{ name: topic, partitions: 1 }]);
      await bus.publish(topic, [
        { key: 'a', value: Buffer.from('one') },
        { key: 'a', value: Buffer.from('two') },
      ]);
      let attempts = 0;
      const seen: string[] = [];
      const sub = await bus.subscribe({
        groupId: `${id}.g`,
        topic,
        handler: async (batch) => {
          attempts++;
          if (attempts === 1) throw new Error('downstream unavailable');
          seen.push(...batch.map(text));
        },
      });
      await waitFor(() => seen.length >= 2, timeout, 'redelivery');
      await sub.stop();
      expect(seen).toEqual(['one', 'two']);
      expect(await bus.lag(`${id}.g`, topic)).toBe(0);
      await bus.close();
    });

    it('commits only what a handler acknowledged, and delivers the rest again from the first unacknowledged message', async () => {
      const bus = await options.connect();
      const id = options.unique();
      const topic = `${id}.partial`;
      await bus.ensureTopics([{ name: topic, partitions: 1 }]);
      const published = ['one', 'two', 'three', 'four'];
      await bus.publish(
        topic,
        published.map((v) => ({ key: 'a', value: Buffer.from(v) })),
      );
      const deliveries: string[][] = [];
      const acknowledged: string[] = [];
      const sub = await bus.subscribe({
        groupId: `${id}.g`,
        topic,
        handler: async (batch) => {
          deliveries.push(batch.map(text));
          // The first delivery acknowledges only its first message (a message asked to be retried).
          if (deliveries.length === 1) {
            acknowledged.push(text(batch[0]!));
            return { handled: 1 };
          }
          acknowledged.push(...batch.map(text));
        },
      });
      await waitFor(() => acknowledged.length >= 4, timeout, 'the rest delivered again');
      await new Promise((r) => setTimeout(r, 200));
      await sub.stop();
      expect(acknowledged).toEqual(published);
      expect(deliveries[1]![0]).toBe('two');
      expect(await bus.lag(`${id}.g`, topic)).toBe(0);
      await bus.close();
    });

    it('resumes a group from its last commit after a restart, without repeats', async () => {
      const id = options.unique();
      const topic = `${id}.resume`;
      const first = await options.connect();
      await first.ensureTopics([{ name: topic, partitions: 2 }]);
      await first.publish(
        topic,
        Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: Buffer.from(String(i)) })),
      );
      const seen: string[] = [];
      const sub = await first.subscribe({ groupId: `${id}.g`, topic, handler: async (b) => void seen.push(...b.map(text)) });
      await waitFor(() => seen.length >= 10, timeout, 'first 10');
      await sub.stop();
      await first.close();

      const second = await options.connect();
      await second.publish(topic, [{ key: 'k1', value: Buffer.from('10') }]);
      const later: string[] = [];
      const sub2 = await second.subscribe({ groupId: `${id}.g`, topic, handler: async (b) => void later.push(...b.map(text)) });
      await waitFor(() => later.length >= 1, timeout, 'the new message');
      await new Promise((r) => setTimeout(r, 200));
      await sub2.stop();
      expect(later).toEqual(['10']);
      expect(await second.lag(`${id}.g`, topic)).toBe(0);
      await second.close();
    });

    it('reports lag for messages not yet committed', async () => {
      const bus = await options.connect();
      const id = options.unique();
      const topic = `${id}.lag`;
      await bus.ensureTopics([{ name: topic, partitions: 2 }]);
      await bus.publish(
        topic,
        Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, value: Buffer.from('x') })),
      );
      await waitFor(() => true, 0, '');
      const deadline = Date.now() + timeout;
      let lag = await bus.lag(`${id}.never`, topic);
      while (lag !== 7 && Date.now() < deadline) lag = await bus.lag(`${id}.never`, topic);
      expect(lag).toBe(7);
      await bus.close();
    });

    it('tails a topic from its end: only what is published afterwards, every partition, moving past a failed batch', async () => {
      const bus = await options.connect();
      const id = options.unique();
      const topic = `${id}.tail`;
      await bus.ensureTopics([{ name: topic, partitions: 3 }]);
      await bus.publish(
        topic,
        Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: Buffer.from(`old${i}`) })),
      );
      const got: string[] = [];
      let failOnce = true;
      const tail = await bus.tail({
        topic,
        handler: async (batch) => {
          if (failOnce && batch.some((m) => text(m) === 'boom')) {
            failOnce = false;
            throw new Error('handler failed');
          }
          got.push(...batch.map(text));
        },
      });
      await bus.publish(topic, [{ key: 'x', value: Buffer.from('boom') }]);
      await waitFor(() => !failOnce, timeout, 'the failing batch');
      await bus.publish(
        topic,
        Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: Buffer.from(`new${i}`) })),
      );
      await waitFor(() => got.length >= 6, timeout, 'tailed messages');
      await new Promise((r) => setTimeout(r, 200));
      expect(got.filter((v) => v !== 'boom').sort()).toEqual(['new0', 'new1', 'new2', 'new3', 'new4', 'new5']);
      // The tail committed nothing under any group: a group reading the topic still has it all to read.
      expect(await bus.lag(`${id}.fresh`, topic)).toBe(13);
      await tail.stop();
      await bus.close();
    });
  });
}

// The stage runner's error policy as one suite, run on every bus (the embedded one in unit tests,
// Kafka on each client library in integration tests), because what it promises depends on the bus
// committing exactly what was acknowledged: a poison message is dead-lettered with its reason after
// the bounded attempts while its partition keeps moving; a retriable error recovers with nothing
// dead-lettered; `retryLater` retries only from the message that asked, never republishing outputs.
import { describe, expect, it } from 'vitest';
import type { Bus, BusMessage } from '@earshot/bus';
import { silentLogger } from '@earshot/observability';
import { encodeMessage } from '@earshot/schema';
import { readProvenance } from './dlq.js';
import { EarshotError } from '@earshot/core';
import { ok, retryLater, type Outcome } from './outcome.js';
import { createStageRunner, type DecodedMessage, type StageRunner } from './stage-runner.js';
import { rawMention } from './testing/raw-mention.js';

export interface ErrorPolicySuiteOptions {
  connect(): Promise<Bus>;
  /** A prefix unique to one test (topics and groups are made from it). */
  unique(): string;
  timeoutMs?: number;
}

type Step = (batch: DecodedMessage<'mention.raw'>[]) => Promise<Outcome[]>;

/** Each message becomes one output on `topic` carrying its id. */
const emit = (topic: string, batch: DecodedMessage<'mention.raw'>[]): Outcome[] =>
  batch.map(({ message }) => ok([{ topic, key: message.payload.brandId, value: Buffer.from(message.payload.id) }]));

export function errorPolicySuite(name: string, options: ErrorPolicySuiteOptions): void {
  const timeout = options.timeoutMs ?? 5000;

  async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** A bus, topics unique to the test, a runner over `step`, and readers for what comes out. */
  async function scene(ids: string[], step: (out: string) => Step) {
    const bus = await options.connect();
    const id = options.unique();
    const topics = { input: `${id}.in`, out: `${id}.out`, dlq: `${id}.dlq` };
    const groupId = `${id}.stage`;
    await bus.ensureTopics(Object.values(topics).map((t) => ({ name: t, partitions: 1 })));
    const runner: StageRunner = createStageRunner({
      stage: 'policy-test',
      bus,
      groupId,
      topic: topics.input,
      type: 'mention.raw',
      dlqTopic: topics.dlq,
      logger: silentLogger(),
      attemptRetry: { initialDelayMs: 10, maxDelayMs: 20 },
      step: step(topics.out),
    });
    const out: string[] = [];
    const dead: BusMessage[] = [];
    const readers = await Promise.all([
      bus.subscribe({ groupId: `${id}.read-out`, topic: topics.out, handler: async (b) => void out.push(...b.map((m) => m.value.toString())) }),
      bus.subscribe({ groupId: `${id}.read-dlq`, topic: topics.dlq, handler: async (b) => void dead.push(...b) }),
    ]);
    await runner.start();
    await bus.publish(
      topics.input,
      ids.map((i) => ({
        key: 'acme',
        value: encodeMessage('mention.raw', rawMention(i, i === 'poison' ? 'poison' : undefined)),
        headers: { origin: 'policy-test' },
      })),
    );
    return {
      runner,
      out,
      dead,
      topics,
      /** Waits until the stage committed everything and `outputs` outputs came out, plus a moment for duplicates to show. */
      async settle(outputs: number, deadLetters = 0) {
        await waitFor(
          async () => out.length >= outputs && dead.length >= deadLetters && (await bus.lag(groupId, topics.input)) === 0,
          `${outputs} outputs, ${deadLetters} dead letters and a drained stage`,
        );
        await new Promise((r) => setTimeout(r, 300));
      },
      async close() {
        await runner.stop();
        await Promise.all(readers.map((r) => r.stop()));
        await bus.close();
      },
    };
  }

  describe(`stage runner error policy: ${name}`, () => {
    it('dead-letters a message the step throws a TypeError on, with the reason, after the bounded attempts, and keeps the partition moving', async () => {
      let poisonAlone = 0;
      const s = await scene(['a', 'b', 'poison', 'c', 'd'], (topic) => async (batch) => {
        if (batch.length === 1 && batch[0]!.message.payload.text === 'poison') poisonAlone++;
        for (const { message } of batch) {
          if (message.payload.text === 'poison') throw new TypeError("Cannot read properties of undefined (reading 'lang')");
        }
        return emit(topic, batch);
      });
      await s.settle(4, 1);
      // Each good message's output exactly once, in order.
      expect(s.out).toEqual(['a', 'b', 'c', 'd']);
      expect(s.dead).toHaveLength(1);
      const [record] = s.dead;
      expect(record!.headers.origin).toBe('policy-test');
      expect(readProvenance(record!.headers)).toMatchObject({
        stage: 'policy-test',
        topic: s.topics.input,
        partition: 0,
        offset: '2',
        reason: "step failed 3 times on this message: TypeError: Cannot read properties of undefined (reading 'lang')",
      });
      expect(s.runner.health()).toMatchObject({ status: 'ok' });
      // However the bus cut the batches, the poison message was tried alone exactly maxAttempts (3) times.
      expect(poisonAlone).toBe(3);
      await s.close();
    });

    it('retries a retriable error with back-off until it recovers, degraded meanwhile, with nothing dead-lettered or published twice', async () => {
      let failuresLeft = 2;
      const healthWhileFailing: string[] = [];
      let runner: StageRunner | undefined;
      const s = await scene(['a', 'b', 'c'], (topic) => async (batch) => {
        if (failuresLeft-- > 0) {
          if (runner) healthWhileFailing.push(runner.health().status);
          throw new EarshotError('store: unavailable (connect ECONNREFUSED)', { retriable: true });
        }
        return emit(topic, batch);
      });
      runner = s.runner;
      await s.settle(3);
      expect(s.out).toEqual(['a', 'b', 'c']);
      expect(s.dead).toEqual([]);
      // The second failure found the runner degraded by the first.
      expect(healthWhileFailing.at(-1)).toBe('degraded');
      expect(s.runner.health()).toMatchObject({ status: 'ok' });
      await s.close();
    });

    it('retries only from the message that asked for retryLater, never publishing the outputs before it twice', async () => {
      let asked = false;
      const s = await scene(
        ['a', 'b', 'c', 'd'],
        (topic) => async (batch) =>
          batch.map(({ message }) => {
            if (message.payload.id === 'c' && !asked) {
              asked = true;
              return retryLater('rate limited');
            }
            return ok([{ topic, key: 'acme', value: Buffer.from(message.payload.id) }]);
          }),
      );
      await s.settle(4);
      expect(asked).toBe(true);
      expect(s.out).toEqual(['a', 'b', 'c', 'd']);
      expect(s.dead).toEqual([]);
      await s.close();
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { Bus, BusMessage } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { createMetrics, silentLogger } from '@earshot/observability';
import { encodeMessage, TOPICS } from '@earshot/schema';
import { readProvenance } from './dlq.js';
import { dlq, ok, retryLater } from './outcome.js';
import { createStageRunner } from './stage-runner.js';
import { rawMention } from './testing/raw-mention.js';

async function collect(bus: ReturnType<typeof createEmbeddedBus>, topic: string, n: number): Promise<BusMessage[]> {
  const got: BusMessage[] = [];
  const sub = await bus.subscribe({ groupId: `reader-${topic}`, topic, handler: async (b) => void got.push(...b) });
  const deadline = Date.now() + 5000;
  while (got.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await sub.stop();
  return got;
}

describe('stage runner', () => {
  it('publishes outputs, dead-letters poison and bad messages with provenance, and keeps going', async () => {
    const bus = createEmbeddedBus({ path: ':memory:', defaultPartitions: 1, pollIntervalMs: 20 });
    const metrics = createMetrics();
    const runner = createStageRunner({
      stage: 'test-stage',
      bus,
      groupId: 'g',
      topic: TOPICS.raw,
      type: 'mention.raw',
      logger: silentLogger(),
      metrics,
      step: async (batch) =>
        batch.map(({ message }) =>
          message.payload.text === 'poison'
            ? dlq('cannot handle poison')
            : ok([{ topic: 'out', key: message.payload.brandId, value: Buffer.from(message.payload.id) }]),
        ),
    });
    await runner.start();
    await bus.publish(TOPICS.raw, [
      { key: 'acme', value: encodeMessage('mention.raw', rawMention('a')) },
      { key: 'acme', value: Buffer.from('{not json'), headers: { origin: 'test' } },
      { key: 'acme', value: encodeMessage('mention.raw', rawMention('b', 'poison')) },
      { key: 'acme', value: Buffer.from(JSON.stringify({ type: 'mention.raw', version: 7, id: 'x', createdAt: 'now', payload: {} })) },
      { key: 'acme', value: encodeMessage('mention.raw', rawMention('c')) },
    ]);
    const out = await collect(bus, 'out', 2);
    const dead = await collect(bus, TOPICS.dlq, 3);
    await runner.stop();
    expect(out.map((m) => m.value.toString())).toEqual(['a', 'c']);
    // In the order of the input, whether decoding or the step refused them.
    expect(dead.map((m) => readProvenance(m.headers)?.reason)).toEqual([
      expect.stringMatching(/^not JSON/),
      'cannot handle poison',
      expect.stringMatching(/unknown mention.raw version 7/),
    ]);
    expect(readProvenance(dead[0]!.headers)).toMatchObject({ stage: 'test-stage', topic: TOPICS.raw, partition: 0, offset: '1' });
    expect(dead[0]!.headers.origin).toBe('test');
    expect(dead[0]!.value.toString()).toBe('{not json');
    expect(await bus.lag('g', TOPICS.raw)).toBe(0);
    await bus.close();
  });

  it('reads a topic carrying several message types: each decoded with its own schema, in order; other types dead-lettered', async () => {
    const bus = createEmbeddedBus({ path: ':memory:', defaultPartitions: 1, pollIntervalMs: 20 });
    const seen: string[] = [];
    const runner = createStageRunner({
      stage: 'two-types',
      bus,
      groupId: 'g',
      topic: TOPICS.byBrand,
      type: ['mention.raw', 'alert.command'],
      logger: silentLogger(),
      step: async (batch) =>
        batch.map(({ message }) => {
          seen.push(message.type === 'alert.command' ? `command ${message.payload.kind}` : `mention ${message.payload.id}`);
          return ok();
        }),
    });
    await runner.start();
    const ack = { kind: 'acknowledge' as const, id: 'c1', by: 'ops', at: '2026-11-20T10:05:00.000Z', alertKey: 'neg:acme:x', brandId: 'acme' };
    await bus.publish(TOPICS.byBrand, [
      { key: 'acme', value: encodeMessage('mention.raw', rawMention('a')) },
      { key: 'acme', value: encodeMessage('alert.command', ack) },
      { key: 'acme', value: encodeMessage('alert', { key: 'k' } as never) },
      { key: 'acme', value: encodeMessage('mention.raw', rawMention('b')) },
    ]);
    const dead = await collect(bus, TOPICS.dlq, 1);
    const deadline = Date.now() + 5000;
    while ((await bus.lag('g', TOPICS.byBrand)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(seen).toEqual(['mention a', 'command acknowledge', 'mention b']);
    expect(dead.map((m) => readProvenance(m.headers)?.reason)).toEqual(['unexpected message type "alert" (expected "mention.raw" or "alert.command")']);
    await bus.close();
  });

  it('commits nothing on retryLater and processes the batch again', async () => {
    const bus = createEmbeddedBus({ path: ':memory:', defaultPartitions: 1, pollIntervalMs: 20 });
    let calls = 0;
    const runner = createStageRunner({
      stage: 's',
      bus,
      groupId: 'g',
      topic: TOPICS.raw,
      type: 'mention.raw',
      logger: silentLogger(),
      step: async (batch) => {
        calls++;
        return batch.map(() => (calls === 1 ? retryLater('store unavailable') : ok()));
      },
    });
    await bus.publish(TOPICS.raw, [{ key: 'acme', value: encodeMessage('mention.raw', rawMention('a')) }]);
    await runner.start();
    const deadline = Date.now() + 5000;
    while (calls < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    while ((await bus.lag('g', TOPICS.raw)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(calls).toBe(2);
    expect(await bus.lag('g', TOPICS.raw)).toBe(0);
    await bus.close();
  });

  it('reports health error with the reason once its subscription failed for good (a consumer crash without restart)', async () => {
    const embedded = createEmbeddedBus({ path: ':memory:', defaultPartitions: 1, pollIntervalMs: 20 });
    let failure: string | undefined;
    // The embedded bus never gives up; this one's subscription says it did, as a crashed kafkajs consumer does.
    const bus: Bus = { ...embedded, subscribe: async (o) => ({ ...(await embedded.subscribe(o)), failure: () => failure }) };
    const runner = createStageRunner({
      stage: 's',
      bus,
      groupId: 'g',
      topic: TOPICS.raw,
      type: 'mention.raw',
      logger: silentLogger(),
      step: async (b) => b.map(() => ok()),
    });
    await runner.start();
    expect(runner.health()).toMatchObject({ status: 'ok' });
    failure = 'consumer crashed and will not restart: coordinator gone';
    expect(runner.health()).toEqual({ status: 'error', details: { failure: 'consumer crashed and will not restart: coordinator gone', processed: 0 } });
    await runner.stop();
    await embedded.close();
  });
});

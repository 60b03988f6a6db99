import { describe, expect, it } from 'vitest';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger, type Service } from '@earshot/observability';
import { encodeMessage, TOPICS } from '@earshot/schema';
import { createSqliteStore } from '@earshot/store/sqlite';
import { consumesOf, consumingStage } from './consuming-stage.js';
import type { StageDeps } from './deps.js';
import { ok } from './outcome.js';

function deps(): StageDeps {
  return {
    config: parseConfig('brands: [{ id: acme, name: Acme }]', 'test.yaml'),
    bus: createEmbeddedBus({ path: ':memory:', defaultPartitions: 2, pollIntervalMs: 20 }),
    store: createSqliteStore({ path: ':memory:' }),
    logger: silentLogger(),
    metrics: createMetrics(),
  };
}

describe('consumingStage', () => {
  it('is a service named after the stage that reads with the group it says it consumes with', async () => {
    const d = deps();
    const seen: string[] = [];
    const stage = consumingStage({
      name: 'enricher',
      deps: d,
      topic: TOPICS.raw,
      type: 'mention.raw',
      step: async (batch) => batch.map(({ message }) => (seen.push(message.payload.id), ok())),
    });
    expect(stage.id).toBe('enricher');
    expect(stage.consumes).toEqual({ groupId: 'earshot-enricher', topic: TOPICS.raw });
    await stage.start();
    const mention = {
      id: 'm1',
      brandId: 'acme',
      sourceId: 's',
      sourceType: 'rss',
      url: 'https://x.org/1',
      title: 't',
      text: 'hello',
      collectedAt: '2026-11-20T10:00:00.000Z',
    };
    await d.bus.publish(TOPICS.raw, [{ key: 'acme', value: encodeMessage('mention.raw', mention) }]);
    const deadline = Date.now() + 5000;
    // Drained by the group it names: lag and draining read exactly this.
    while (((await d.bus.lag(stage.consumes.groupId, stage.consumes.topic)) > 0 || seen.length === 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['m1']);
    expect(await d.bus.lag(stage.consumes.groupId, stage.consumes.topic)).toBe(0);
    expect(stage.health()).toEqual({ status: 'ok', details: { processed: 1 } });
    await stage.stop();
    await d.bus.close();
    await d.store.close();
  });

  it('takes another group when told, and is told apart from services that consume nothing', async () => {
    const d = deps();
    const stage = consumingStage({
      name: 'indexer',
      deps: d,
      groupId: 'test-indexer',
      topic: TOPICS.enriched,
      type: 'mention.enriched',
      step: async (b) => b.map(() => ok()),
    });
    const plain: Service = { id: 'api', start: async () => {}, stop: async () => {}, health: () => ({ status: 'ok' }) };
    expect(consumesOf(stage)).toEqual({ groupId: 'test-indexer', topic: TOPICS.enriched });
    expect(consumesOf(plain)).toBeUndefined();
    await d.bus.close();
    await d.store.close();
  });
});

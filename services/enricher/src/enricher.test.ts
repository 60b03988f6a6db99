// The enricher's outputs as a user of the bus sees them: mention-id keys on mentions.enriched (so a
// busy brand uses every partition), brand keys on mentions.by-brand (so the alerter keeps per-brand order).
import { describe, expect, it } from 'vitest';
import type { BusMessage } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import { decodeMessage, encodeMessage, TOPICS, type RawMention } from '@earshot/schema';
import { createSqliteStore } from '@earshot/store/sqlite';
import { createEnricher } from './index.js';

const raw = (i: number): RawMention => ({
  id: `m${i}`,
  brandId: 'acme',
  sourceId: 's',
  sourceType: 'rss',
  url: `https://x.org/${i}`,
  title: `Acme ${i}`,
  text: 'Acme support was slow and rude today.',
  collectedAt: '2026-11-20T10:00:00.000Z',
});

async function read(bus: ReturnType<typeof createEmbeddedBus>, topic: string, n: number): Promise<BusMessage[]> {
  const got: BusMessage[] = [];
  const sub = await bus.subscribe({ groupId: `reader-${topic}`, topic, handler: async (b) => void got.push(...b) });
  const deadline = Date.now() + 10_000;
  while (got.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await sub.stop();
  return got;
}

describe('enricher keys', () => {
  it("spreads one brand's mentions over every partition of mentions.enriched, and keeps them on one partition of mentions.by-brand", async () => {
    const bus = createEmbeddedBus({ path: ':memory:', defaultPartitions: 4, pollIntervalMs: 10 });
    await bus.ensureTopics([TOPICS.raw, TOPICS.enriched, TOPICS.byBrand, TOPICS.dlq].map((name) => ({ name, partitions: 4 })));
    const config = parseConfig('brands: [{ id: acme, name: Acme }]', 'test.yaml');
    const enricher = createEnricher({ config, bus, store: createSqliteStore({ path: ':memory:' }), logger: silentLogger(), metrics: createMetrics() });
    await enricher.start();
    await bus.publish(
      TOPICS.raw,
      Array.from({ length: 40 }, (_, i) => ({ key: `m${i}`, value: encodeMessage('mention.raw', raw(i)) })),
    );

    const byId = await read(bus, TOPICS.enriched, 40);
    const byBrand = await read(bus, TOPICS.byBrand, 40);
    await enricher.stop();
    await bus.close();

    expect(new Set(byId.map((m) => m.partition)).size).toBe(4);
    const idOf = (m: BusMessage) => {
      const decoded = decodeMessage(m.value, 'mention.enriched');
      return decoded.ok ? decoded.message.payload.id : decoded.reason;
    };
    expect(byId.map((m) => m.key)).toEqual(byId.map(idOf));
    expect(new Set(byBrand.map((m) => m.partition)).size).toBe(1);
    expect(byBrand.map((m) => m.key)).toEqual(Array(40).fill('acme'));
    expect(byBrand.map((m) => m.value.toString()).sort()).toEqual(byId.map((m) => m.value.toString()).sort());
  });
});

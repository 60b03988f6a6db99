// Test helper: a collector on the embedded bus and SQLite store (in memory), with the raw mentions
// it publishes read back off the bus as decoded payloads — what the next stage would see.
import type { Bus } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { parseConfig, type EarshotConfig } from '@earshot/config';
import { createMetrics, silentLogger, type Logger, type Metrics } from '@earshot/observability';
import { decodeMessage, TOPICS, type RawMention } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { createCollector, type Collector, type CollectorOptions } from '../collector.js';

export interface Harness {
  config: EarshotConfig;
  collector: Collector;
  bus: Bus;
  store: MentionStore;
  /** Every raw mention published so far, in order. */
  published(): RawMention[];
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<CollectorOptions, 'config' | 'bus' | 'store' | 'logger' | 'metrics'>> {
  sources: Record<string, unknown>[];
  brands?: { id: string; name: string; query?: string }[];
  collector?: Record<string, unknown>;
  store?: MentionStore;
  /** A bus to use instead of a fresh embedded one. */
  bus?: Bus;
  /** Where the collector logs (default: nowhere) and counts (default: a fresh registry). */
  logger?: Logger;
  metrics?: Metrics;
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const doc = {
    brands: options.brands ?? [{ id: 'nordtel', name: 'Nordtel', query: 'Nordtel OR Нордтел' }],
    sources: options.sources,
    collector: { userAgent: 'Earshot-test/1 (+https://earshot.invalid)', ...options.collector },
    bus: { kind: 'embedded', path: ':memory:' },
    store: { kind: 'sqlite', path: ':memory:' },
  };
  const config = parseConfig(JSON.stringify(doc), 'test.yaml');
  const bus = options.bus ?? createEmbeddedBus({ path: ':memory:', pollIntervalMs: 20 });
  const store = options.store ?? createSqliteStore({ path: ':memory:' });
  await store.init();
  const { sources: _s, brands: _b, collector: _c, store: _st, bus: _bus, logger, metrics, ...rest } = options;
  const seen: RawMention[] = [];
  const recording: Bus = {
    ...bus,
    async publish(topic, messages) {
      await bus.publish(topic, messages);
      if (topic !== TOPICS.raw) return;
      for (const m of messages) {
        const decoded = decodeMessage(m.value, 'mention.raw');
        if (decoded.ok) seen.push(decoded.message.payload);
      }
    },
  };
  const recorded = createCollector({
    ...rest,
    config,
    bus: recording,
    store,
    logger: logger ?? silentLogger(),
    metrics: metrics ?? createMetrics(),
    perHostIntervalMs: rest.perHostIntervalMs ?? 0,
  });
  return {
    config,
    collector: recorded,
    bus: recording,
    store,
    published: () => [...seen],
    async close() {
      await recorded.stop();
      if (!options.bus) await bus.close();
      if (!options.store) await store.close();
    },
  };
}

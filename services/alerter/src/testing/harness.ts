// Test support: an alerter on a real embedded bus and SQLite store in a temp dir, with a clock the
// test moves, and a way to read what it published on the alerts topic.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import type { EarshotConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import { alertCommandRoute, decodeMessage, encodeMessage, TOPICS, type Alert, type AlertCommand, type EnrichedMention } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterEach, vi } from 'vitest';
import { createAlerter, type Alerter } from '../alerter.js';

export interface Harness {
  bus: Bus;
  store: MentionStore;
  clock: { now: number };
  alerter: Alerter;
  /** Publishes mentions to mentions.by-brand, the alerter's input (and, like the indexer would, to the store) and waits until the alerter has consumed them. */
  send(...mentions: EnrichedMention[]): Promise<void>;
  /** Publishes alert commands where the API does (alertCommandRoute) and waits until the alerter has applied them. */
  command(...commands: AlertCommand[]): Promise<void>;
  /** Stops the alerter and starts a new one on the same bus and store (a restart). */
  restart(): Promise<void>;
  /** Alerts published so far, as "kind key rN n=count". */
  published(): Promise<string[]>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Mentions already in the store before the alerter first starts (history it has never streamed). */
  history?: EnrichedMention[];
  /** Brand ownership as on Kafka ('seen') or on the embedded bus ('all', the default here). */
  ownership?: 'all' | 'seen';
  /** What the alerter gets instead of the store itself (e.g. one that fails on demand); the harness keeps the real one. */
  wrapStore?: (store: MentionStore) => MentionStore;
}

export async function createHarness(config: EarshotConfig, start: number, options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-alerter-'));
  const bus = createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 20 });
  const store = createSqliteStore({ path: join(dir, 'store.db') });
  const clock = { now: start };
  if (options.history?.length) await store.upsertMentions(options.history);
  const alerterStore = options.wrapStore?.(store) ?? store;
  const make = () =>
    createAlerter({
      config,
      bus,
      store: alerterStore,
      logger: silentLogger(),
      metrics: createMetrics(),
      now: () => new Date(clock.now),
      tickIntervalMs: 3_600_000,
      ownership: options.ownership,
    });
  const seen: string[] = [];
  const reader = await bus.subscribe({
    groupId: 'test-reader',
    topic: TOPICS.alerts,
    handler: async (messages) => {
      for (const m of messages) {
        const decoded = decodeMessage(m.value, 'alert');
        seen.push(decoded.ok ? describe(decoded.message.payload) : `undecodable: ${decoded.reason}`);
      }
    },
  });
  let alerter = make();
  await alerter.start();
  const drained = (groupId = alerter.consumes.groupId, topic: string = alerter.consumes.topic) =>
    vi.waitFor(
      async () => {
        if ((await bus.lag(groupId, topic)) !== 0) throw new Error('not drained');
      },
      { timeout: 5000, interval: 5 },
    );

  return {
    bus,
    store,
    clock,
    get alerter() {
      return alerter;
    },
    async send(...mentions) {
      await store.upsertMentions(mentions);
      await bus.publish(
        TOPICS.byBrand,
        mentions.map((m) => ({ key: m.brandId, value: encodeMessage('mention.enriched', m) })),
      );
      await drained();
    },
    async command(...commands) {
      for (const c of commands) {
        const { topic, key } = alertCommandRoute(c);
        await bus.publish(topic, [{ key, value: encodeMessage('alert.command', c) }]);
        await (topic === TOPICS.alertCommands ? drained(`${alerter.consumes.groupId}-commands`, topic) : drained());
      }
    },
    async restart() {
      await alerter.stop();
      alerter = make();
      await alerter.start();
    },
    async published() {
      await vi.waitFor(
        async () => {
          if ((await bus.lag('test-reader', TOPICS.alerts)) !== 0) throw new Error('not read yet');
        },
        { timeout: 5000, interval: 5 },
      );
      return [...seen];
    },
    async close() {
      await alerter.stop();
      await reader.stop();
      await bus.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a file or a describe block: `createHarness` whose harnesses are closed after each test (it
 * registers the afterEach itself), so a test just says `const h = await harness(config, T0)`.
 */
export function useHarness(): typeof createHarness {
  const open: Harness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  return async (...args) => {
    const h = await createHarness(...args);
    open.push(h);
    return h;
  };
}

export function describe(alert: Alert): string {
  return `${alert.state} ${alert.key} r${alert.revision} n=${alert.count}`;
}

// The composition root: one process, the adapters its config names, and the stages asked for,
// started in pipeline order and stopped in reverse (so each stage drains into a running next one).
import { HEALTH_DEFAULTS, type EarshotConfig } from '@earshot/config';
import { combineHealth, createMetrics, type Health, type Logger, type Metrics, type Service } from '@earshot/observability';
import type { StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';
import { createBus, createStore, mentionPruner } from './adapters.js';
import { createLagSampler } from './lag-sampler.js';
import { createRetentionService } from './retention-service.js';
import { consumersOf, STAGES, type StageName } from './stages.js';

export interface Runtime extends StageDeps {
  services: Service[];
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): Promise<Health>;
  /** Resolves once every running consumer has committed everything on its topic. */
  drain(options?: { timeoutMs?: number; settleMs?: number }): Promise<void>;
}

export interface RuntimeOptions {
  config: EarshotConfig;
  logger: Logger;
  stages: StageName[];
  metrics?: Metrics;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const metrics = options.metrics ?? createMetrics({ defaultMetrics: true });
  const bus = await createBus(config, { logger: logger.child({ component: 'bus' }) });
  const store = await createStore(config, { logger: logger.child({ component: 'store' }) });
  const partitions = config.bus.partitions;
  await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions })));
  await store.init();
  const deps: StageDeps = { config, bus, store, logger, metrics };
  const services = options.stages.map((name) => STAGES[name].create(deps));
  // store.retention is applied by the process that writes mentions.
  const prune = options.stages.includes('indexer') ? await mentionPruner(config, store) : undefined;
  if (prune) services.push(createRetentionService({ prune, logger }));
  const consumers = consumersOf(services);
  if (consumers.length > 0) {
    const watch = config.health ?? HEALTH_DEFAULTS;
    services.push(
      createLagSampler({
        consumers,
        lag: (groupId, topic) => bus.lag(groupId, topic),
        metrics,
        logger: logger.child({ component: 'consumer-lag' }),
        intervalMs: watch.lagInterval,
        stuckAfterMs: watch.stuckAfter,
      }),
    );
  }

  async function totalLag(): Promise<number> {
    let lag = 0;
    for (const c of consumers) lag += await bus.lag(c.groupId, c.topic);
    return lag;
  }

  return {
    ...deps,
    services,
    async start() {
      // Consumers first, collector last, so nothing waits on a stage that is not running yet.
      for (const service of [...services].reverse()) {
        await service.start();
        logger.debug({ service: service.id }, 'service started');
      }
    },
    async stop() {
      for (const service of services) {
        await service.stop();
        logger.debug({ service: service.id }, 'service stopped');
      }
      await bus.close();
      await store.close();
    },
    async health() {
      const entries: Record<string, Health> = {};
      for (const s of services) entries[s.id] = await s.health();
      return combineHealth(entries);
    },
    async drain({ timeoutMs = 600_000, settleMs = 300 } = {}) {
      const deadline = Date.now() + timeoutMs;
      let quietSince: number | undefined;
      for (;;) {
        const lag = await totalLag();
        if (lag === 0) {
          quietSince ??= Date.now();
          if (Date.now() - quietSince >= settleMs) return;
        } else quietSince = undefined;
        if (Date.now() > deadline) throw new Error(`pipeline did not drain within ${timeoutMs} ms (${lag} messages pending)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

// The collector service: polls every configured source on its own interval, turns items into raw
// mentions of the brands they match, and publishes them on mentions.raw. A failing source is
// retried with back-off and reported unhealthy; it never stops the others.
import type { SourceConfig } from '@earshot/config';
import { compileBrandQuery } from '@earshot/nlp';
import type { Health, Service } from '@earshot/observability';
import { backoffDelay, type StageDeps } from '@earshot/pipeline';
import { encodeMessage, TOPICS } from '@earshot/schema';
import PQueue from 'p-queue';
import { createHttpFetcher, type HttpFetcher } from './http-fetcher.js';
import { createSourceTypes } from './source-types.js';
import type { SourceType } from './source-type.js';
import { itemsToMentions, type CompiledBrand } from './to-mentions.js';

export interface SourceStatus {
  id: string;
  type: string;
  lastSuccessAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  items: number;
  mentions: number;
}

export interface CollectReport {
  sources: number;
  failed: number;
  items: number;
  mentions: number;
}

export interface Collector extends Service {
  /** Polls every source once, now; resolves when their mentions are on the bus. */
  collectOnce(): Promise<CollectReport>;
  status(): SourceStatus[];
}

export interface CollectorOptions extends StageDeps {
  sourceTypes?: Map<string, SourceType>;
  http?: HttpFetcher;
}

export function createCollector(deps: CollectorOptions): Collector {
  const { config, bus } = deps;
  const logger = deps.logger.child({ component: 'collector' });
  const now = deps.now ?? (() => new Date());
  const sourceTypes = deps.sourceTypes ?? createSourceTypes();
  const http = deps.http ?? createHttpFetcher({ userAgent: config.collector.userAgent });
  const queue = new PQueue({ concurrency: config.collector.concurrency });

  const problems: string[] = [];
  const brands: CompiledBrand[] = [];
  config.brands.forEach((brand, i) => {
    try {
      brands.push({ id: brand.id, query: compileBrandQuery(brand.query) });
    } catch (err) {
      problems.push(`brands[${i}].query: ${(err as Error).message}`);
    }
  });
  config.sources.forEach((source, i) => {
    if (!sourceTypes.has(source.type)) problems.push(`sources[${i}].type: unknown source type "${source.type}" (known: ${[...sourceTypes.keys()].join(', ')})`);
  });
  if (problems.length) throw new Error(`collector cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const status = new Map<string, SourceStatus>(config.sources.map((s) => [s.id, { id: s.id, type: s.type, consecutiveFailures: 0, items: 0, mentions: 0 }]));
  const timers = new Map<string, NodeJS.Timeout>();
  let running = false;

  const brandsOf = (source: SourceConfig) => {
    const wanted = Array.isArray(source.brand) ? source.brand : [source.brand];
    return wanted.includes('all') ? brands : brands.filter((b) => wanted.includes(b.id));
  };

  async function poll(source: SourceConfig): Promise<{ items: number; mentions: number; ok: boolean }> {
    const state = status.get(source.id)!;
    try {
      const items = await sourceTypes.get(source.type)!.fetch(source, { http, logger });
      const mentions = itemsToMentions(source, source.type, items, brandsOf(source), now());
      await bus.publish(TOPICS.raw, mentions.map((m) => ({ key: m.brandId, value: encodeMessage('mention.raw', m) })));
      Object.assign(state, { lastSuccessAt: now().toISOString(), lastError: undefined, consecutiveFailures: 0 });
      state.items += items.length;
      state.mentions += mentions.length;
      deps.metrics.fetches.inc({ source_type: source.type, result: 'ok' });
      deps.metrics.mentionsCollected.inc({ source_type: source.type }, mentions.length);
      logger.debug({ source: source.id, items: items.length, mentions: mentions.length }, 'source polled');
      return { items: items.length, mentions: mentions.length, ok: true };
    } catch (err) {
      state.consecutiveFailures++;
      state.lastError = (err as Error).message;
      deps.metrics.fetches.inc({ source_type: source.type, result: 'error' });
      logger.warn({ source: source.id, failures: state.consecutiveFailures, err: (err as Error).message }, 'source poll failed');
      return { items: 0, mentions: 0, ok: false };
    }
  }

  function schedule(source: SourceConfig, delay: number) {
    if (!running) return;
    const timer = setTimeout(() => {
      void queue.add(() => poll(source)).then(() => {
        const failures = status.get(source.id)!.consecutiveFailures;
        // A failing source is polled less often (doubling, capped at 10× its interval), never dropped.
        const next = failures ? Math.min(source.pollInterval * 10, backoffDelay(failures, { initialDelayMs: Math.min(30_000, source.pollInterval), maxDelayMs: source.pollInterval * 10 })) : source.pollInterval;
        schedule(source, next);
      });
    }, delay);
    timer.unref();
    timers.set(source.id, timer);
  }

  return {
    id: 'collector',
    async collectOnce() {
      const results = await Promise.all(config.sources.map((s) => queue.add(() => poll(s))));
      return {
        sources: results.length,
        failed: results.filter((r) => !r?.ok).length,
        items: results.reduce((n, r) => n + (r?.items ?? 0), 0),
        mentions: results.reduce((n, r) => n + (r?.mentions ?? 0), 0),
      };
    },
    status: () => [...status.values()].map((s) => ({ ...s })),
    async start() {
      running = true;
      for (const source of config.sources) schedule(source, 0);
    },
    async stop() {
      running = false;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await queue.onIdle();
      await http.close();
    },
    health(): Health {
      const failing = [...status.values()].filter((s) => s.consecutiveFailures > 0);
      return { status: failing.length ? 'degraded' : 'ok', details: { sources: status.size, failing: failing.map((s) => ({ id: s.id, error: s.lastError, failures: s.consecutiveFailures })) } };
    },
  };
}

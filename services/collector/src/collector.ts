// The collector service: polls every configured source on its interval (the schedule shared over
// the bus, see fetch-jobs.ts), turns items into raw mentions of the brands they match or the brand
// the source is about (to-mentions.ts, source-brands.ts), marks near-duplicates, and publishes
// them on mentions.raw, each cut to fit one message (mention-budget.ts). A failing source backs
// off and is reported unhealthy; it never stops the others.
import type { SourceConfig } from '@earshot/config';
import { compileBrandMatcher } from '@earshot/nlp/query';
import type { Health, Service } from '@earshot/observability';
import type { StageDeps } from '@earshot/pipeline';
import type { StateStore } from '@earshot/store';
import { SHORTENED, TOPICS } from '@earshot/schema';
import { createCollectorMetrics } from './collector-metrics.js';
import { createFetchJobs, type FetchJobs } from './fetch-jobs.js';
import { createHostLimiter } from './host-limiter.js';
import { createHttpFetcher, type HttpFetcher } from './http-fetcher.js';
import { encodeWithinBudget, MENTION_MESSAGE_BYTES, type EncodedMention } from './mention-budget.js';
import { createNearDuplicateMemory } from './near-duplicate-memory.js';
import { createNearDuplicateIndex, type NearDuplicateIndex } from './near-duplicates.js';
import { createSourcePoller } from './poll-source.js';
import { createHealthStore, updateHealth, type SourceHealth } from './source-health.js';
import { createSourceTypes } from './source-types.js';
import type { SourceType } from './source-type.js';
import { resolveSourceBrands } from './source-brands.js';
import { itemsToMentions, type CompiledBrand, type SourceBrands } from './to-mentions.js';
import { createValidatorStore } from './validators.js';

export interface SourceStatus {
  id: string;
  type: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastStatus?: number;
  consecutiveFailures: number;
  /** Failing `unhealthyAfter` times in a row: still polled, less often. */
  healthy: boolean;
  nextPollAt?: string;
  items: number;
  mentions: number;
  duplicates: number;
  notModified: number;
  /** Items past a feed's size or nesting limit, not read. */
  truncated: number;
  /** Items of the wrong type, dropped. */
  malformed: number;
  /** Links that were not http(s), removed. */
  linksDropped: number;
}

export interface CollectReport {
  sources: number;
  failed: number;
  items: number;
  mentions: number;
  /** Sources that answered 304 Not Modified. */
  notModified: number;
  /** Mentions marked as near-duplicates of an earlier one. */
  duplicates: number;
  /** Items not read past a feed's limits, items of the wrong type, links that were not http(s). */
  dropped: { truncated: number; malformed: number; links: number };
}

/** How far collectOnce has got: sources polled so far (failed ones too), their items and mentions. */
export interface CollectProgress {
  polled: number;
  items: number;
  mentions: number;
}

export interface Collector extends Service {
  /** Polls every source once, now; resolves when their mentions are on the bus. `onPolled`: after each source. */
  collectOnce(options?: { onPolled?: (progress: CollectProgress) => void }): Promise<CollectReport>;
  status(): SourceStatus[];
}

export interface CollectorOptions extends StageDeps<StateStore> {
  sourceTypes?: Map<string, SourceType>;
  http?: HttpFetcher;
  /** Minimum spacing between request starts to one host (default 500 ms). */
  perHostIntervalMs?: number;
  /** Consecutive failures after which a source is reported unhealthy (default 3). */
  unhealthyAfter?: number;
  nearDuplicates?: NearDuplicateIndex;
  random?: () => number;
}

interface PollReport {
  ok: boolean;
  items: number;
  mentions: number;
  duplicates: number;
  notModified: boolean;
  dropped?: { truncated: number; malformed: number; links: number };
}

export function createCollector(deps: CollectorOptions): Collector {
  const { config, bus, store } = deps;
  const logger = deps.logger.child({ component: 'collector' });
  const now = deps.now ?? (() => new Date());
  const sourceTypes = deps.sourceTypes ?? createSourceTypes();
  const http = deps.http ?? createHttpFetcher({ userAgent: config.collector.userAgent });
  const unhealthyAfter = deps.unhealthyAfter ?? 3;
  const limiter = createHostLimiter({
    concurrency: config.collector.concurrency,
    perHostConcurrency: config.collector.perHostConcurrency,
    perHostIntervalMs: deps.perHostIntervalMs ?? config.collector.perHostInterval,
  });
  const validators = createValidatorStore({ store });
  const poller = createSourcePoller({ http, limiter, sourceTypes, validators, allowPrivateNetworks: config.collector.allowPrivateNetworks, now });
  const healthStore = createHealthStore({ store });
  const duplicates = deps.nearDuplicates ?? createNearDuplicateIndex({ now });
  const duplicateMemory = createNearDuplicateMemory({ store, index: duplicates, logger, now });
  const metrics = createCollectorMetrics(deps.metrics);

  const problems: string[] = [];
  const brands: CompiledBrand[] = [];
  config.brands.forEach((brand, i) => {
    try {
      brands.push({ id: brand.id, matcher: compileBrandMatcher({ query: brand.query, name: brand.name, handles: brand.handles, hashtags: brand.hashtags }) });
    } catch (err) {
      problems.push(`brands[${i}].query: ${(err as Error).message}`);
    }
  });
  const sourceBrands = new Map<string, SourceBrands>();
  config.sources.forEach((source, i) => {
    if (!sourceTypes.has(source.type)) problems.push(`sources[${i}].type: unknown source type "${source.type}" (known: ${[...sourceTypes.keys()].join(', ')})`);
    try {
      sourceBrands.set(source.id, resolveSourceBrands(source, sourceTypes.get(source.type), brands));
    } catch (err) {
      problems.push(`sources[${i}].exclude: ${(err as Error).message}`);
    }
  });
  if (problems.length) throw new Error(`collector cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const health = new Map<string, SourceHealth>(config.sources.map((s) => [s.id, { consecutiveFailures: 0 }]));
  const counts = new Map(
    config.sources.map((s) => [s.id, { items: 0, mentions: 0, duplicates: 0, notModified: 0, truncated: 0, malformed: 0, linksDropped: 0 }]),
  );
  let jobs: FetchJobs | undefined;

  async function recordHealth(source: SourceConfig, result: { ok: boolean; error?: string; status?: number; retryAfterMs?: number }): Promise<void> {
    const next = updateHealth(health.get(source.id) ?? { consecutiveFailures: 0 }, result, {
      pollInterval: source.pollInterval,
      now: now(),
      random: deps.random,
    });
    health.set(source.id, next);
    metrics.unhealthy.set([...health.values()].filter((h) => h.consecutiveFailures >= unhealthyAfter).length);
    await healthStore.save(source.id, next).catch((err: unknown) => logger.warn({ source: source.id, err }, 'source health not saved'));
  }

  async function poll(source: SourceConfig): Promise<PollReport> {
    const started = performance.now();
    const outcome = await poller.poll(source);
    metrics.fetchSeconds.observe({ source_type: source.type }, (performance.now() - started) / 1000);
    const count = counts.get(source.id)!;
    if (outcome.kind === 'failed') {
      deps.metrics.fetches.inc({ source_type: source.type, result: 'error' });
      await recordHealth(source, { ok: false, error: outcome.error, status: outcome.status, retryAfterMs: outcome.retryAfterMs });
      logger.warn(
        { source: source.id, failures: health.get(source.id)!.consecutiveFailures, retriable: outcome.retriable, status: outcome.status, err: outcome.error },
        'source poll failed',
      );
      return { ok: false, items: 0, mentions: 0, duplicates: 0, notModified: false };
    }
    if (outcome.kind === 'not-modified') {
      deps.metrics.fetches.inc({ source_type: source.type, result: 'not_modified' });
      count.notModified++;
      await recordHealth(source, { ok: true, status: 304 });
      return { ok: true, items: 0, mentions: 0, duplicates: 0, notModified: true };
    }
    await duplicateMemory.load();
    const mentions = itemsToMentions(source, source.type, outcome.items, sourceBrands.get(source.id)!, now()).map((m) => {
      const duplicateOf = duplicates.check(m);
      return duplicateOf ? { ...m, duplicateOf } : m;
    });
    const dupes = mentions.filter((m) => m.duplicateOf).length;
    const encoded = mentions.map((m) => encodeWithinBudget(m));
    try {
      await bus.publish(
        TOPICS.raw,
        encoded.map(({ mention, value }) => ({ key: mention.id, value })),
      );
    } catch (err) {
      // Not published: the validators stay as they were, so the next poll fetches these items again.
      deps.metrics.fetches.inc({ source_type: source.type, result: 'error' });
      await recordHealth(source, { ok: false, error: `publish failed: ${(err as Error).message}` });
      logger.error({ source: source.id, err }, 'mentions not published');
      return { ok: false, items: 0, mentions: 0, duplicates: 0, notModified: false };
    }
    await duplicateMemory.save();
    await validators.set(source.id, outcome.validators);
    await recordHealth(source, { ok: true, status: outcome.status });
    deps.metrics.fetches.inc({ source_type: source.type, result: 'ok' });
    deps.metrics.mentionsCollected.inc({ source_type: source.type }, mentions.length);
    metrics.duplicates.inc({ source_type: source.type }, dupes);
    count.items += outcome.items.length;
    count.mentions += mentions.length;
    count.duplicates += dupes;
    const dropped = { truncated: outcome.dropped.truncated ?? 0, malformed: outcome.dropped.malformed ?? 0, links: outcome.linksDropped };
    reportDropped(source, outcome.items.length, dropped);
    reportShortened(source, encoded);
    logger.debug({ source: source.id, items: outcome.items.length, mentions: mentions.length, duplicates: dupes }, 'source polled');
    return { ok: true, items: outcome.items.length, mentions: mentions.length, duplicates: dupes, notModified: false, dropped };
  }

  /** Nothing dropped silently: counted per source, in metrics, and in a warning with the counts. */
  function reportDropped(source: SourceConfig, kept: number, dropped: { truncated: number; malformed: number; links: number }): void {
    const count = counts.get(source.id)!;
    count.truncated += dropped.truncated;
    count.malformed += dropped.malformed;
    count.linksDropped += dropped.links;
    if (dropped.truncated) metrics.itemsDropped.inc({ source_type: source.type, reason: 'truncated' }, dropped.truncated);
    if (dropped.malformed) metrics.itemsDropped.inc({ source_type: source.type, reason: 'malformed' }, dropped.malformed);
    if (dropped.links) metrics.linksDropped.inc({ source_type: source.type }, dropped.links);
    if (dropped.truncated || dropped.malformed)
      logger.warn({ source: source.id, kept, truncated: dropped.truncated, malformed: dropped.malformed }, 'feed items dropped');
    if (dropped.links) logger.warn({ source: source.id, links: dropped.links }, 'item links dropped: not http(s)');
  }

  /** Mentions cut to fit one message (mention-budget.ts): counted in metrics and named in a warning. */
  function reportShortened(source: SourceConfig, encoded: readonly EncodedMention[]): void {
    const shortened = encoded.map((e) => e.mention).filter((m) => m.shortened);
    if (shortened.length === 0) return;
    for (const cut of SHORTENED) {
      const n = shortened.filter((m) => m.shortened === cut).length;
      if (n) metrics.mentionsShortened.inc({ source_type: source.type, cut }, n);
    }
    logger.warn(
      { source: source.id, mentions: shortened.map((m) => ({ id: m.id, url: m.url, cut: m.shortened })), maxBytes: MENTION_MESSAGE_BYTES },
      'mentions cut to fit one bus message: markup dropped, then the end of the text',
    );
  }

  /** A scheduled poll: skipped while the source is backing off (failures, Retry-After). */
  async function scheduledPoll(source: SourceConfig): Promise<void> {
    let state = health.get(source.id);
    if (!state?.lastAttemptAt) {
      const saved = await healthStore.load(source.id);
      if (saved) health.set(source.id, (state = saved));
    }
    if (state?.backoffUntil && Date.parse(state.backoffUntil) > now().getTime() + 1000) {
      logger.debug({ source: source.id, until: state.backoffUntil }, 'source backing off; poll skipped');
      return;
    }
    await poll(source);
  }

  return {
    id: 'collector',
    async collectOnce(options = {}) {
      const progress: CollectProgress = { polled: 0, items: 0, mentions: 0 };
      const results = await Promise.all(
        config.sources.map(async (s) => {
          const result = await poll(s);
          progress.polled++;
          progress.items += result.items;
          progress.mentions += result.mentions;
          options.onPolled?.({ ...progress });
          return result;
        }),
      );
      return {
        sources: results.length,
        failed: results.filter((r) => !r.ok).length,
        items: results.reduce((n, r) => n + r.items, 0),
        mentions: results.reduce((n, r) => n + r.mentions, 0),
        notModified: results.filter((r) => r.notModified).length,
        duplicates: results.reduce((n, r) => n + r.duplicates, 0),
        dropped: {
          truncated: results.reduce((n, r) => n + (r.dropped?.truncated ?? 0), 0),
          malformed: results.reduce((n, r) => n + (r.dropped?.malformed ?? 0), 0),
          links: results.reduce((n, r) => n + (r.dropped?.links ?? 0), 0),
        },
      };
    },
    status: () =>
      config.sources.map((s) => {
        const h = health.get(s.id) ?? { consecutiveFailures: 0 };
        return {
          id: s.id,
          type: s.type,
          ...(h.lastSuccessAt ? { lastSuccessAt: h.lastSuccessAt } : {}),
          ...(h.consecutiveFailures > 0 && h.lastError ? { lastError: h.lastError } : {}),
          ...(h.lastStatus !== undefined ? { lastStatus: h.lastStatus } : {}),
          ...(h.nextPollAt ? { nextPollAt: h.nextPollAt } : {}),
          consecutiveFailures: h.consecutiveFailures,
          healthy: h.consecutiveFailures < unhealthyAfter,
          ...counts.get(s.id)!,
        };
      }),
    async start() {
      jobs = createFetchJobs({ bus, store, logger, sources: config.sources, partitions: config.bus.partitions, now, run: (source) => scheduledPoll(source) });
      await jobs.start();
    },
    async stop() {
      await jobs?.stop();
      jobs = undefined;
      await limiter.onIdle();
      await http.close();
    },
    health(): Health {
      const failing = config.sources.filter((s) => (health.get(s.id)?.consecutiveFailures ?? 0) > 0);
      const unhealthy = failing.filter((s) => health.get(s.id)!.consecutiveFailures >= unhealthyAfter);
      return {
        status: unhealthy.length ? 'degraded' : 'ok',
        details: {
          sources: config.sources.length,
          unhealthy: unhealthy.map((s) => s.id),
          failing: failing.map((s) => ({
            id: s.id,
            error: health.get(s.id)!.lastError,
            failures: health.get(s.id)!.consecutiveFailures,
            nextPollAt: health.get(s.id)!.nextPollAt,
          })),
        },
      };
    },
  };
}

// The alerter service: the I/O shell around the pure engine. It warm-starts the engine from the
// store, feeds it mentions.by-brand (enriched mentions keyed by brand) through the stage runner,
// ticks it on a timer (so alerts resolve and silent sources are noticed without new mentions), and
// publishes + stores what changes. It is the one writer of alert records and silences:
// acknowledgments arrive on mentions.by-brand too, keyed by brand, so the instance that owns the
// brand applies them in order with its mentions; silences arrive on alerts.commands (apply-command.ts).
//
// Scaling out (Kafka): instances split brands by partition. On the embedded bus one instance owns
// every brand. With `ownership: 'seen'` (the default on Kafka) an instance owns the brands it has
// received a mention or acknowledgment of within `ownershipTtl`, warm-starts a brand from the store
// when it starts to own it, and ticks only the brands it owns — so N instances give the alerts one would.
import { combineHealth, type Health } from '@earshot/observability';
import { isRetriable } from '@earshot/core';
import { consumingStage, ok, retryLater, type ConsumingStage, type DecodedMessage, type Outcome, type StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';
import type { AlertStore, MentionIndex } from '@earshot/store';
import { createAlertOutbox } from './alert-outbox.js';
import { applyCommand } from './apply-command.js';
import { createStoryOutbox } from './story-outbox.js';
import { createAlertEngine } from './engine.js';
import type { AlertChange } from './lifecycle.js';
import { warmStartBrand } from './warm-start.js';

export interface AlerterOptions extends StageDeps<MentionIndex & AlertStore> {
  groupId?: string;
  /** How often time-driven rules are evaluated (default 5 s). */
  tickIntervalMs?: number;
  /** Which brands this instance evaluates on a tick; default 'all' on the embedded bus, 'seen' on Kafka. */
  ownership?: 'all' | 'seen';
  ownershipTtlMs?: number;
}

export interface Alerter extends ConsumingStage {
  /** Evaluates time-driven conditions now (the timer calls this; tests call it with a fake clock). */
  tick(): Promise<AlertChange[]>;
}

export function createAlerter(deps: AlerterOptions): Alerter {
  const logger = deps.logger.child({ component: 'alerter' });
  const clock = deps.now ?? (() => new Date());
  const ownership = deps.ownership ?? (deps.bus.kind === 'embedded' ? 'all' : 'seen');
  const ownershipTtl = deps.ownershipTtlMs ?? 3_600_000;
  const engine = createAlertEngine({
    rules: deps.config.rules,
    brands: deps.config.brands,
    sources: deps.config.sources,
    onUnknownRule: (rule) => logger.warn({ ruleId: rule.id, ruleType: rule.type }, 'rule type not supported, ignored'),
  });
  const outbox = createAlertOutbox({ bus: deps.bus, store: deps.store });
  const storyOutbox = createStoryOutbox({ store: deps.store });
  /** Brand → when this instance last received one of its mentions (epoch ms). */
  const owned = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let lastFlushError: string | undefined;

  /** Engine updates and their I/O run one at a time, in arrival order (batches and ticks interleave). */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  }

  /**
   * The silences in force, read before every evaluation (each mention batch and each tick). The
   * instance that reads a silence command stores it; the brand's owner may be another instance,
   * which never reads that command — reading the store once per batch is what makes the silence
   * hold from its next mention rather than its next tick (a small read: active silences only). On
   * Elasticsearch another instance's silence is visible within the index's 1 s refresh.
   */
  async function loadSilences(now: Date) {
    engine.setSilences(await deps.store.listSilences(now.toISOString()));
  }

  async function warm(brandId: string, now: number) {
    const result = await warmStartBrand({ engine, store: deps.store, brandId, now });
    logger.info({ brandId, ...result }, 'brand warm-started');
  }

  function record(changes: AlertChange[]) {
    for (const change of changes) {
      deps.metrics.alertsFired.inc({ rule_type: change.alert.ruleType, state: change.kind });
      const { key, ruleId, brandId, revision, count } = change.alert;
      logger.info({ change: change.kind, key, ruleId, brandId, revision, count }, 'alert changed');
    }
    outbox.add(changes.map((c) => c.alert));
  }

  async function flush(now: Date) {
    try {
      storyOutbox.add(engine.drainStories(now.getTime()));
      await storyOutbox.flush();
      await outbox.flush(now);
      lastFlushError = undefined;
    } catch (err) {
      lastFlushError = (err as Error).message;
      throw err;
    }
  }

  /** The outcomes of `work`, or — when it throws (a flush that failed, whatever the error) — every message of the batch retried later. */
  async function retryBatchOnFailure(batch: readonly unknown[], message: string, work: () => Promise<Outcome[]>): Promise<Outcome[]> {
    try {
      return await work();
    } catch (err) {
      logger.warn({ err, pending: outbox.pending, retriable: isRetriable(err) }, message);
      return batch.map(() => retryLater((err as Error).message));
    }
  }

  /** This instance reads the brand's partition: it owns the brand (warm-started the first time). */
  async function own(brandId: string, ms: number) {
    if (ownership === 'seen' && !owned.has(brandId)) {
      await warm(brandId, ms);
      // Evaluate at once: the store may already hold the mention that brought the brand (observe then skips it).
      record(engine.tick(ms, [brandId]));
    }
    owned.set(brandId, ms);
  }

  async function step(batch: DecodedMessage<'mention.enriched' | 'alert.command'>[]): Promise<Outcome[]> {
    return serial(async () => {
      const now = clock();
      const ms = now.getTime();
      await loadSilences(now);
      const outcomes: Outcome[] = [];
      // What throws here is the runner's to judge: a retriable store error redelivers the batch, a
      // mention the engine cannot take (a bug on one odd mention) is isolated and dead-lettered.
      // Redelivery is harmless: mention ids are remembered and an acknowledgment stands once.
      for (const { message } of batch) {
        if (message.type === 'alert.command') {
          // Routed here by brand (an acknowledgment): this instance owns the brand and its open alerts.
          if (message.payload.kind === 'acknowledge') await own(message.payload.brandId, ms);
          outcomes.push(await applyCommand(message.payload, { engine, store: deps.store, outbox, logger, now }));
          continue;
        }
        await own(message.payload.brandId, ms);
        record(engine.observe(message.payload, ms));
        outcomes.push(ok());
      }
      // Not the mentions' fault: they stay counted (ids are remembered) and the redelivered batch only retries the flush.
      return retryBatchOnFailure(batch, 'alerts not yet published, batch will be retried', async () => {
        await flush(now);
        return outcomes;
      });
    });
  }

  const stage = consumingStage({
    name: 'alerter',
    deps,
    groupId: deps.groupId,
    topic: TOPICS.byBrand,
    type: ['mention.enriched', 'alert.command'],
    logger,
    step,
  });

  async function applyCommands(batch: DecodedMessage<'alert.command'>[]): Promise<Outcome[]> {
    return serial(async () => {
      const now = clock();
      return retryBatchOnFailure(batch, 'alert commands not yet applied, batch will be retried', async () => {
        const outcomes: Outcome[] = [];
        for (const { message } of batch) outcomes.push(await applyCommand(message.payload, { engine, store: deps.store, outbox, logger, now }));
        await flush(now);
        return outcomes;
      });
    });
  }

  // Silences (not per brand: any one instance stores it, every instance reads silences from the store
  // before each batch and tick, loadSilences) and acknowledgments an API older than this alerter sent here (applied by whichever
  // instance reads them, as before). Its own group: Kafka assigns each topic's partitions separately.
  const commandStage = consumingStage({
    name: 'alerter-commands',
    deps,
    groupId: `${stage.consumes.groupId}-commands`,
    topic: TOPICS.alertCommands,
    type: 'alert.command',
    logger,
    step: applyCommands,
  });

  function ownedBrands(ms: number): string[] {
    if (ownership === 'all') return engine.brands;
    for (const [brandId, at] of owned) if (ms - at > ownershipTtl) owned.delete(brandId);
    return [...owned.keys()];
  }

  async function tick(): Promise<AlertChange[]> {
    return serial(async () => {
      const now = clock();
      const ms = now.getTime();
      await loadSilences(now);
      const changes = engine.tick(ms, ownedBrands(ms));
      record(changes);
      await flush(now);
      return changes;
    });
  }

  return {
    ...stage,
    tick,
    async start() {
      const now = clock();
      await loadSilences(now);
      if (ownership === 'all') {
        for (const brandId of engine.brands) await warm(brandId, now.getTime());
        // Whatever should be open after the replay and is not (a crash before publishing) opens now.
        await tick();
      }
      await stage.start();
      await commandStage.start();
      const interval = deps.tickIntervalMs ?? 5_000;
      timer = setInterval(() => {
        tick().catch((err: unknown) => logger.warn({ err }, 'alert tick failed, will retry'));
      }, interval);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await stage.stop();
      await commandStage.stop();
      await serial(async () => flush(clock())).catch((err: unknown) => logger.warn({ err, pending: outbox.pending }, 'alerts left unpublished at stop'));
    },
    health(): Health {
      const mentions = stage.health();
      const commands = commandStage.health();
      const details = {
        ...mentions.details,
        commands: commands.details,
        openAlerts: engine.openAlerts().length,
        pendingAlerts: outbox.pending,
        pendingStories: storyOutbox.pending,
        ownership,
        ownedBrands: ownership === 'all' ? engine.brands.length : owned.size,
      };
      if (lastFlushError) return { status: 'degraded', details: { ...details, lastFlushError } };
      return { status: combineHealth({ mentions, commands }).status, details };
    },
  };
}

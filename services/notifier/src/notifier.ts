// The notifier service: consumes alerts, finds the subscriptions that want each one, and hands
// deliveries to the dispatcher (one queue per channel) or to a digest. The alert message is
// acknowledged once its deliveries are recorded as pending in the store (digests: once collected),
// so a slow channel never holds up the stream and a restart resumes what was left undelivered.
import type { Health } from '@earshot/observability';
import type { RetryOptions } from '@earshot/core';
import { consumingStage, ok, type ConsumingStage, type DecodedMessage, type Outcome, type StageDeps } from '@earshot/pipeline';
import type { AlertStore, MentionIndex, StateStore } from '@earshot/store';
import { TOPICS, type Alert } from '@earshot/schema';
import { createChannelSender } from './channels/registry.js';
import { createDigester } from './digest.js';
import { createDispatcher, type DeliveryOutcome } from './dispatcher.js';
import { createPendingDeliveries, DIGEST_LIST, partitionList, type PendingDelivery } from './pending-deliveries.js';
import { createReportScheduler } from './report/report-scheduler.js';
import { deliveryKey, resolveSubscriptions, subscriptionMatches } from './subscriptions.js';

export interface NotifierOptions extends StageDeps<MentionIndex & AlertStore & StateStore> {
  groupId?: string;
  /** How often ended digest periods are looked for (default 30 s). */
  digestCheckIntervalMs?: number;
  /** How long `stop` waits for deliveries in flight before leaving them for the next start (default 10 s). */
  stopGraceMs?: number;
  /** Test hooks for the retry helper. */
  retry?: Pick<RetryOptions, 'sleep' | 'random'>;
}

export interface Notifier extends ConsumingStage {
  /** Routes one alert (what the stage does per message); resolves once its deliveries are recorded and queued. */
  route(alert: Alert, partition?: number): Promise<Promise<DeliveryOutcome>[]>;
  /** Sends the digests whose period has ended and the reports whose time has come (the timer calls this). */
  flushDigests(): Promise<Promise<DeliveryOutcome>[]>;
  /** Resolves when no delivery is queued or in flight. */
  idle(): Promise<void>;
}

export function createNotifier(deps: NotifierOptions): Notifier {
  const logger = deps.logger.child({ component: 'notifier' });
  const clock = deps.now ?? (() => new Date());
  const subscriptions = resolveSubscriptions(deps.config.subscriptions);
  const dispatcher = createDispatcher({
    channels: deps.config.channels.map((config) => ({ config, sender: createChannelSender(config) })),
    store: deps.store,
    logger,
    metrics: deps.metrics,
    retry: deps.retry,
  });
  const digester = createDigester({ store: deps.store, subscriptions });
  const reports = createReportScheduler({ store: deps.store, config: deps.config, subscriptions });
  const pending = createPendingDeliveries({ store: deps.store, partitions: deps.config.bus.partitions });
  let timer: NodeJS.Timeout | undefined;

  /** Queues deliveries already recorded as pending; each leaves the record when it is finished. */
  function dispatch(list: string, deliveries: PendingDelivery[], resumed = false): Promise<DeliveryOutcome>[] {
    return deliveries.map((d) =>
      dispatcher.enqueue(d.channel, d.notification, { resumed }).then(async (outcome) => {
        if (outcome.result !== 'aborted')
          await pending
            .done(list, outcome.deliveryKey)
            .catch((err: unknown) => logger.warn({ reason: (err as Error).message }, 'cannot clear pending delivery'));
        return outcome;
      }),
    );
  }

  async function route(alert: Alert, partition = 0): Promise<Promise<DeliveryOutcome>[]> {
    const now = clock().getTime();
    const deliveries: PendingDelivery[] = [];
    for (const sub of subscriptions) {
      // A report subscriber hears of alerts in the report (read from the store), not one by one.
      if (sub.report || !subscriptionMatches(sub, alert)) continue;
      if (sub.digest !== undefined) {
        await digester.add(sub, alert, now);
        continue;
      }
      // Two subscriptions on one channel still mean one message to that subscriber.
      if (deliveries.some((d) => d.channel === sub.channel)) continue;
      deliveries.push({ channel: sub.channel, notification: { kind: 'alert', deliveryKey: deliveryKey(sub.channel, alert), alert } });
    }
    const list = partitionList(partition);
    await pending.add(list, deliveries);
    return dispatch(list, deliveries);
  }

  async function step(batch: DecodedMessage<'alert'>[]): Promise<Outcome[]> {
    for (const { message, source } of batch) await route(message.payload, source.partition);
    return batch.map(() => ok());
  }

  async function flushDigests(): Promise<Promise<DeliveryOutcome>[]> {
    const now = clock().getTime();
    const due = digester.due(now);
    const deliveries: PendingDelivery[] = due.map((d) => ({ channel: d.channel, notification: d.notification }));
    const dueReports = reports.due(now);
    for (const report of dueReports) deliveries.push(await reports.build(report));
    // Pending first, then forgotten by the digest: a crash in between re-sends the same delivery key, which the claim drops.
    await pending.add(DIGEST_LIST, deliveries);
    await digester.clear(due);
    for (const report of dueReports) await reports.markSent(report);
    return dispatch(DIGEST_LIST, deliveries);
  }

  const stage = consumingStage({ name: 'notifier', deps, groupId: deps.groupId, topic: TOPICS.alerts, type: 'alert', logger, step });

  return {
    ...stage,
    route,
    flushDigests,
    idle: () => dispatcher.idle(),
    async start() {
      await digester.load();
      await reports.load(clock().getTime());
      const leftover = await pending.load();
      if (leftover.length) logger.info({ count: leftover.length }, 'resuming deliveries left pending');
      for (const { list, delivery } of leftover) void dispatch(list, [delivery], true);
      await stage.start();
      timer = setInterval(() => {
        flushDigests().catch((err: unknown) => logger.warn({ reason: (err as Error).message }, 'digest check failed, will retry'));
      }, deps.digestCheckIntervalMs ?? 30_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await stage.stop();
      await dispatcher.close(deps.stopGraceMs);
    },
    health(): Health {
      const runnerHealth = stage.health();
      const failures = dispatcher.failures();
      const details = {
        ...runnerHealth.details,
        queuedDeliveries: dispatcher.pending,
        pendingDeliveries: pending.size,
        failingChannels: failures,
        nextReports: reports.upcoming(),
      };
      if (runnerHealth.status !== 'ok' || Object.keys(failures).length) return { status: 'degraded', details };
      return { status: 'ok', details };
    },
  };
}

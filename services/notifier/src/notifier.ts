// The notifier service: consumes alerts, finds the subscriptions that want each one, and hands
// deliveries to the dispatcher (one queue per channel) or to a digest. The alert message is
// acknowledged once its deliveries are queued (digests: once collected in the store), so a slow
// channel never holds up the stream; see README.md for what that means on a crash.
import type { Health, Service } from '@earshot/observability';
import { createStageRunner, ok, type DecodedMessage, type Outcome, type RetryOptions, type StageDeps } from '@earshot/pipeline';
import { TOPICS, type Alert } from '@earshot/schema';
import { createChannelSender } from './channels/registry.js';
import { createDigester } from './digest.js';
import { createDispatcher, type DeliveryOutcome } from './dispatcher.js';
import { deliveryKey, resolveSubscriptions, subscriptionMatches } from './subscriptions.js';

export interface NotifierOptions extends StageDeps {
  groupId?: string;
  /** How often ended digest periods are looked for (default 30 s). */
  digestCheckIntervalMs?: number;
  /** Test hooks for the retry helper. */
  retry?: Pick<RetryOptions, 'sleep' | 'random'>;
}

export interface Notifier extends Service {
  /** Routes one alert (what the stage does per message); resolves once its deliveries are queued. */
  route(alert: Alert): Promise<Promise<DeliveryOutcome>[]>;
  /** Sends the digests whose period has ended (the timer calls this). */
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
  let timer: NodeJS.Timeout | undefined;

  async function route(alert: Alert): Promise<Promise<DeliveryOutcome>[]> {
    const now = clock().getTime();
    const deliveries: Promise<DeliveryOutcome>[] = [];
    const channels = new Set<string>();
    for (const sub of subscriptions) {
      if (!subscriptionMatches(sub, alert)) continue;
      if (sub.digest !== undefined) {
        await digester.add(sub, alert, now);
        continue;
      }
      // Two subscriptions on one channel still mean one message to that subscriber.
      if (channels.has(sub.channel)) continue;
      channels.add(sub.channel);
      deliveries.push(dispatcher.enqueue(sub.channel, { kind: 'alert', deliveryKey: deliveryKey(sub.channel, alert), alert }));
    }
    return deliveries;
  }

  async function step(batch: DecodedMessage<'alert'>[]): Promise<Outcome[]> {
    for (const { message } of batch) await route(message.payload);
    return batch.map(() => ok());
  }

  async function flushDigests(): Promise<Promise<DeliveryOutcome>[]> {
    const due = await digester.due(clock().getTime());
    return due.map((d) => dispatcher.enqueue(d.channel, d.notification));
  }

  const runner = createStageRunner({
    stage: 'notifier',
    bus: deps.bus,
    groupId: deps.groupId ?? 'earshot-notifier',
    topic: TOPICS.alerts,
    type: 'alert',
    logger,
    metrics: deps.metrics,
    step,
  });

  return {
    id: 'notifier',
    route,
    flushDigests,
    idle: () => dispatcher.idle(),
    async start() {
      await digester.load();
      await runner.start();
      timer = setInterval(() => {
        flushDigests().catch((err: unknown) => logger.warn({ reason: (err as Error).message }, 'digest check failed, will retry'));
      }, deps.digestCheckIntervalMs ?? 30_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await runner.stop();
      await dispatcher.close();
    },
    health(): Health {
      const runnerHealth = runner.health();
      const failures = dispatcher.failures();
      const details = { ...runnerHealth.details, pendingDeliveries: dispatcher.pending, failingChannels: failures };
      if (runnerHealth.status !== 'ok' || Object.keys(failures).length) return { status: 'degraded', details };
      return { status: 'ok', details };
    },
  };
}

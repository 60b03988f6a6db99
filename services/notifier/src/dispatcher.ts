// Delivers notifications: one queue per channel (so a slow or failing channel never holds up the
// others), a claim in the store before sending (so a redelivered alert or a second notifier does
// not send the same alert state while it is being sent), retries with jittered exponential
// back-off for retriable failures, and a delivery recorded as done only after the receiver's 2xx.
// Delivery is at least once: a delivery resumed after a crash takes over its unfinished claim and
// is sent again with the same idempotency key (the receiver drops the repeat). A claim is released
// when delivery finally fails (so a later re-notification may try again). Logs name the channel
// id, never its URL or secret.
import type { ChannelConfig } from '@earshot/config';
import type { Logger, Metrics } from '@earshot/observability';
import { retry, type RetryOptions } from '@earshot/core';
import type { StateStore } from '@earshot/store';
import PQueue from 'p-queue';
import type { ChannelSender, Notification } from './channels/channel.js';

export interface DispatcherOptions {
  channels: { config: ChannelConfig; sender: ChannelSender }[];
  store: StateStore;
  logger: Logger;
  metrics: Metrics;
  /** Test hooks for the retry helper (fake sleep / random). */
  retry?: Pick<RetryOptions, 'sleep' | 'random'>;
}

export interface DeliveryOutcome {
  channel: string;
  deliveryKey: string;
  /** `aborted`: the notifier stopped mid-delivery; the claim was released so a restart may send it. */
  result: 'delivered' | 'duplicate' | 'failed' | 'aborted';
}

export interface EnqueueOptions {
  /** A delivery recorded as pending before a restart: it takes over an unfinished claim left by the crash. */
  resumed?: boolean;
}

export interface Dispatcher {
  enqueue(channelId: string, notification: Notification, options?: EnqueueOptions): Promise<DeliveryOutcome>;
  /** Resolves when every queue is empty and nothing is in flight. */
  idle(): Promise<void>;
  readonly pending: number;
  /** Channel id → last failure reason, for health. */
  failures(): Record<string, string>;
  /** Waits for in-flight deliveries up to `graceMs`, then aborts the rest and closes the channels. */
  close(graceMs?: number): Promise<void>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, logger, metrics } = options;
  const abort = new AbortController();
  const lanes = new Map(options.channels.map(({ config, sender }) => [config.id, { config, sender, queue: new PQueue({ concurrency: config.concurrency }) }]));
  const lastFailure = new Map<string, string>();

  async function deliver(config: ChannelConfig, sender: ChannelSender, n: Notification, resumed: boolean): Promise<DeliveryOutcome> {
    const context = { channel: config.id, channelType: config.type, deliveryKey: n.deliveryKey };
    const outcome = (result: DeliveryOutcome['result']): DeliveryOutcome => {
      metrics.deliveries.inc({ channel: config.type, result });
      return { channel: config.id, deliveryKey: n.deliveryKey, result };
    };
    let claimed: boolean;
    try {
      claimed = await store.claimDelivery(n.deliveryKey, { takeOver: resumed });
    } catch (err) {
      logger.error({ ...context, reason: (err as Error).message }, 'cannot claim delivery, not sent');
      return outcome('failed');
    }
    if (!claimed) {
      logger.debug(context, resumed ? 'already delivered, skipped' : 'already delivered or being delivered, skipped');
      return outcome('duplicate');
    }
    try {
      const receipt = await retry(() => sender.send(n, abort.signal), {
        retries: config.retries,
        initialDelayMs: config.retryDelay,
        maxDelayMs: config.retryMaxDelay,
        signal: abort.signal,
        ...options.retry,
        onRetry: (err, attempt, delayMs) => logger.warn({ ...context, attempt, delayMs, reason: (err as Error).message }, 'delivery failed, retrying'),
      });
      lastFailure.delete(config.id);
      await store
        .completeDelivery(n.deliveryKey)
        .catch((e: unknown) => logger.error({ ...context, reason: (e as Error).message }, 'cannot record delivery as done'));
      if (receipt?.responseTruncated) logger.warn(context, 'delivered; the receiver answered with a body past the read cap, the rest was dropped unread');
      else logger.info(context, 'delivered');
      return outcome('delivered');
    } catch (err) {
      if (abort.signal.aborted) {
        await store.releaseDelivery(n.deliveryKey).catch(() => {});
        logger.info(context, 'delivery interrupted by stop, left for the next start');
        return { channel: config.id, deliveryKey: n.deliveryKey, result: 'aborted' };
      }
      const reason = (err as Error).message;
      lastFailure.set(config.id, reason);
      logger.warn({ ...context, reason }, 'delivery failed, giving up');
      await store
        .releaseDelivery(n.deliveryKey)
        .catch((e: unknown) => logger.error({ ...context, reason: (e as Error).message }, 'cannot release delivery claim'));
      return outcome('failed');
    }
  }

  return {
    enqueue(channelId, n, enqueueOptions = {}) {
      const lane = lanes.get(channelId);
      if (!lane) return Promise.resolve({ channel: channelId, deliveryKey: n.deliveryKey, result: 'failed' });
      if (abort.signal.aborted) return Promise.resolve({ channel: channelId, deliveryKey: n.deliveryKey, result: 'aborted' });
      return lane.queue.add(() => deliver(lane.config, lane.sender, n, enqueueOptions.resumed ?? false)) as Promise<DeliveryOutcome>;
    },
    async idle() {
      await Promise.all([...lanes.values()].map((l) => l.queue.onIdle()));
    },
    get pending() {
      let n = 0;
      for (const l of lanes.values()) n += l.queue.size + l.queue.pending;
      return n;
    },
    failures() {
      return Object.fromEntries(lastFailure);
    },
    async close(graceMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      // Queued deliveries are not started (they stay pending in the store); in-flight ones are aborted.
      for (const l of lanes.values()) l.queue.clear();
      abort.abort(new Error('notifier stopping'));
      await Promise.all([...lanes.values()].map((l) => l.queue.onIdle()));
      await Promise.all([...lanes.values()].map((l) => l.sender.close().catch(() => {})));
    },
  };
}

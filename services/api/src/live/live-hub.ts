// The live side of the API: one bus subscription per topic (mentions.enriched, alerts) under a
// consumer group of this process's own, fanned out to every connected stream. A new group may start
// at the beginning of the topic, so only messages the bus accepted after this hub started are
// passed on; history is what the search endpoint is for.
import { randomBytes } from 'node:crypto';
import type { Bus, BusMessage, Subscription } from '@earshot/bus';
import type { Health, Logger } from '@earshot/observability';
import { decodeMessage, TOPICS, type Alert, type EnrichedMention } from '@earshot/schema';

export type LiveEvent = { type: 'mention'; mention: EnrichedMention } | { type: 'alert'; alert: Alert };
export type LiveListener = (event: LiveEvent) => void;

export interface LiveHub {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Adds a listener; returns the function that removes it. */
  listen(listener: LiveListener): () => void;
  readonly listeners: number;
  readonly groupId: string;
  health(): Health;
}

export interface LiveHubOptions {
  bus: Bus;
  logger: Logger;
  now: () => Date;
  /** Default `earshot-api-<random>`: every API instance sees every message. */
  groupId?: string;
}

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const groupId = options.groupId ?? `earshot-api-${randomBytes(6).toString('hex')}`;
  const logger = options.logger.child({ component: 'api-live', groupId });
  const listeners = new Set<LiveListener>();
  const subscriptions: Subscription[] = [];
  let startedAt = Number.POSITIVE_INFINITY;
  let delivered = 0;
  let undecodable = 0;

  function emit(event: LiveEvent) {
    delivered++;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        logger.warn({ err }, 'live listener failed');
      }
    }
  }

  async function onMentions(messages: BusMessage[]) {
    for (const message of messages) {
      if (message.timestamp < startedAt) continue;
      const decoded = decodeMessage(message.value, 'mention.enriched');
      if (decoded.ok) emit({ type: 'mention', mention: decoded.message.payload });
      else undecodable++;
    }
  }

  async function onAlerts(messages: BusMessage[]) {
    for (const message of messages) {
      if (message.timestamp < startedAt) continue;
      const decoded = decodeMessage(message.value, 'alert');
      if (decoded.ok) emit({ type: 'alert', alert: decoded.message.payload });
      else undecodable++;
    }
  }

  return {
    groupId,
    get listeners() {
      return listeners.size;
    },
    async start() {
      startedAt = options.now().getTime();
      subscriptions.push(await options.bus.subscribe({ groupId, topic: TOPICS.enriched, handler: onMentions }));
      subscriptions.push(await options.bus.subscribe({ groupId, topic: TOPICS.alerts, handler: onAlerts }));
      logger.debug({ startedAt }, 'live feed subscribed');
    },
    async stop() {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      listeners.clear();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    health() {
      return {
        status: subscriptions.length === 2 ? 'ok' : 'error',
        details: { subscribed: subscriptions.length === 2, streams: listeners.size, delivered, undecodable },
      };
    },
  };
}

// The live side of the API: one tail per topic (mentions.enriched, alerts), fanned out to every
// connected stream. A tail reads from the topic's end without a consumer group of its own, so every
// replica sees every new message, nothing old is replayed at start and no group is left behind at
// stop; history is what the search endpoint is for.
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
  health(): Health;
}

export interface LiveHubOptions {
  bus: Bus;
  logger: Logger;
}

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const logger = options.logger.child({ component: 'api-live' });
  const listeners = new Set<LiveListener>();
  const subscriptions: Subscription[] = [];
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
      const decoded = decodeMessage(message.value, 'mention.enriched');
      if (decoded.ok) emit({ type: 'mention', mention: decoded.message.payload });
      else undecodable++;
    }
  }

  async function onAlerts(messages: BusMessage[]) {
    for (const message of messages) {
      const decoded = decodeMessage(message.value, 'alert');
      if (decoded.ok) emit({ type: 'alert', alert: decoded.message.payload });
      else undecodable++;
    }
  }

  return {
    get listeners() {
      return listeners.size;
    },
    async start() {
      subscriptions.push(await options.bus.tail({ topic: TOPICS.enriched, handler: onMentions }));
      subscriptions.push(await options.bus.tail({ topic: TOPICS.alerts, handler: onAlerts }));
      logger.debug('live feed tailing');
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

// What both Kafka adapters do the same way around a subscription and a group's lag, whichever
// library reads the messages: the target a subscription is given (prefixed names, handler, batch
// size, logger), the set of live subscriptions that close() stops, and lag summed from offsets.
import { randomBytes } from 'node:crypto';
import type { Logger } from '@earshot/observability';
import { DEFAULT_MAX_BATCH_SIZE, type BatchHandler, type SubscribeOptions, type Subscription } from './port.js';

export interface SubscriptionTarget {
  /** The group and topic as Kafka knows them (prefixed). */
  kafkaGroupId: string;
  kafkaTopic: string;
  /** The topic name our callers use, put on every delivered message. */
  topic: string;
  handler: BatchHandler;
  maxBatchSize: number;
  logger: Logger;
}

export function subscriptionTarget(opts: SubscribeOptions, prefix: string, logger: Logger): SubscriptionTarget {
  return {
    kafkaGroupId: `${prefix}${opts.groupId}`,
    kafkaTopic: `${prefix}${opts.topic}`,
    topic: opts.topic,
    handler: opts.handler,
    maxBatchSize: opts.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
    logger: logger.child({ groupId: opts.groupId, topic: opts.topic }),
  };
}

/**
 * Kafka clients read only as members of a group, so a tail gets a throwaway one: it commits
 * nothing and is deleted when the tail stops (a crashed process's empty group, having no offsets,
 * goes at the broker's next group clean-up).
 */
export function tailGroupId(topic: string): string {
  return `earshot-tail-${topic}-${randomBytes(6).toString('hex')}`;
}

/** Keeps `subscription` in `live` until it is stopped, so the bus's close() can stop what is left. */
export function tracked(live: Set<Subscription>, subscription: Subscription): Subscription {
  const entry: Subscription = {
    async stop() {
      live.delete(entry);
      await subscription.stop();
    },
    failure: () => subscription.failure?.(),
  };
  live.add(entry);
  return entry;
}

export interface PartitionOffsets {
  partition: number;
  /** Log start and end (next offset to be written). */
  low: bigint;
  high: bigint;
  /** The group's committed offset, below 0 when it has none (then it reads from `low`). */
  committed: bigint;
}

export function sumLag(partitions: PartitionOffsets[]): number {
  let lag = 0n;
  for (const p of partitions) {
    const from = p.committed < 0n ? p.low : p.committed;
    if (p.high > from) lag += p.high - from;
  }
  return Number(lag);
}

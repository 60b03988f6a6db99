// One subscription on Kafka: a consumer in a group reading one topic with eachBatch, handing our
// handler at most `maxBatchSize` messages of one partition at a time, in order. Offsets are resolved
// and committed only after the handler resolved, and only as far as it acknowledged; a rejected (or
// partly acknowledged) batch's partition is paused for a back-off and then fetched again from the
// first unacknowledged message, so the same messages come back.
// While a handler runs, a timer keeps heartbeating so a long batch does not cost the group membership.
// A tail (tailFrom) is the same consumer in a throwaway group that starts at the topic's end and
// commits nothing.
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { backoffDelay } from '@earshot/core';
import { acknowledgedCount } from '../partial-ack.js';
import type { BusMessage, Subscription } from '../port.js';
import type { ConsumerTuning } from '../kafka-options.js';
import type { SubscriptionTarget } from '../kafka-subscriptions.js';

export interface ConsumeBatchesOptions extends ConsumerTuning, SubscriptionTarget {
  kafka: Kafka;
  /**
   * A tail (port.ts TailOptions): start each partition at these offsets (the ends when tail() was
   * called), commit nothing, and move past a batch whose handler failed.
   */
  tailFrom?: Map<number, string>;
}

function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? undefined : last.toString();
}

export function toBusMessage(topic: string, partition: number, m: KafkaMessage): BusMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString() : '',
    value: m.value ?? Buffer.alloc(0),
    headers,
    timestamp: Number(m.timestamp),
  };
}

const nextOffset = (offset: string) => (BigInt(offset) + 1n).toString();

export async function consumeBatches(options: ConsumeBatchesOptions): Promise<Subscription> {
  const { kafkaTopic, topic, handler, logger } = options;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1000;
  const consumer: Consumer = options.kafka.consumer({
    groupId: options.kafkaGroupId,
    sessionTimeout: options.sessionTimeoutMs ?? 10_000,
    heartbeatInterval: heartbeatIntervalMs,
    rebalanceTimeout: options.rebalanceTimeoutMs ?? 30_000,
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 1000,
    minBytes: options.minBytes ?? 1,
    allowAutoTopicCreation: false,
  });
  const state = { stopping: false };
  const resumeTimers = new Set<NodeJS.Timeout>();
  const failures = new Map<number, number>();
  let crashed: string | undefined;
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ err: event.payload.error, groupId: options.kafkaGroupId, restart: event.payload.restart }, 'consumer crashed');
    if (!event.payload.restart) crashed = `consumer crashed and will not restart: ${event.payload.error.message}`;
  });

  /** Pauses a partition whose batch failed (or was acknowledged in part) and resumes it after a growing, jittered delay. */
  function backOff(partition: number, pause: () => () => void, offset: string, err?: unknown): void {
    const attempt = (failures.get(partition) ?? 0) + 1;
    failures.set(partition, attempt);
    const delay = backoffDelay(attempt, { initialDelayMs: 200, maxDelayMs: 10_000 });
    if (err === undefined)
      logger.debug({ topic, partition, offset, attempt, delayMs: delay }, 'batch acknowledged in part, redelivering the rest after back-off');
    else logger.warn({ err, topic, partition, offset, attempt, delayMs: delay }, 'batch failed, redelivering after back-off');
    const resume = pause();
    const timer = setTimeout(() => {
      resumeTimers.delete(timer);
      resume();
    }, delay);
    resumeTimers.add(timer);
  }

  async function eachBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause }: EachBatchPayload): Promise<void> {
    const { partition } = batch;
    const beat = () => heartbeat().catch((err: unknown) => logger.debug({ err, partition }, 'heartbeat failed'));
    const context = {
      heartbeat: beat,
      get stopping() {
        return state.stopping || !isRunning();
      },
    };
    for (let start = 0; start < batch.messages.length; start += options.maxBatchSize) {
      if (!isRunning() || isStale()) return;
      const slice = batch.messages.slice(start, start + options.maxBatchSize);
      const heartbeats = setInterval(() => void beat(), heartbeatIntervalMs);
      let handled: number;
      try {
        handled = acknowledgedCount(
          await handler(
            slice.map((m) => toBusMessage(topic, partition, m)),
            context,
          ),
          slice.length,
        );
      } catch (err) {
        if (options.tailFrom) {
          logger.warn({ err, topic, partition, offset: slice[0]!.offset }, 'tail handler failed, batch skipped');
          resolveOffset(slice[slice.length - 1]!.offset);
          continue;
        }
        // Nothing resolved, nothing committed: the partition is fetched again from the last
        // resolved offset once the back-off is over. Other partitions keep flowing meanwhile.
        backOff(partition, pause, slice[0]!.offset, err);
        return;
      } finally {
        clearInterval(heartbeats);
      }
      if (options.tailFrom) {
        // A tail commits nothing and moves on.
        resolveOffset(slice[slice.length - 1]!.offset);
        continue;
      }
      if (handled > 0) {
        const last = slice[handled - 1]!.offset;
        resolveOffset(last);
        // A commit refused because the group rebalanced throws a client error: kafkajs rejoins and
        // the partition's new owner starts from the last commit (redelivery, never loss).
        await commitOffsetsIfNecessary({ topics: [{ topic: kafkaTopic, partitions: [{ partition, offset: nextOffset(last) }] }] });
        logger.debug({ topic, partition, offset: last }, 'batch committed');
      }
      if (handled < slice.length) {
        // Acknowledged in part: fetched again from the first unacknowledged message after the back-off.
        backOff(partition, pause, slice[handled]!.offset);
        return;
      }
      failures.delete(partition);
    }
  }

  // A tail seeks each partition it is given to where the topic ended, and subscribe resolves only
  // once it has them: a message published after that is never missed.
  const tailFrom = options.tailFrom;
  const joined = new Promise<void>((resolve) => {
    if (!tailFrom) return resolve();
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      for (const partition of event.payload.memberAssignment[kafkaTopic] ?? []) {
        consumer.seek({ topic: kafkaTopic, partition, offset: tailFrom.get(partition) ?? '-1' });
      }
      resolve();
    });
  });

  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [kafkaTopic], fromBeginning: !tailFrom });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
      eachBatch,
    });
    await joined;
  } catch (err) {
    await consumer.disconnect().catch(() => undefined);
    throw err;
  }

  return {
    async stop() {
      state.stopping = true;
      for (const t of resumeTimers) clearTimeout(t);
      resumeTimers.clear();
      // Waits for the batch in flight (and its commit), leaves the group, closes the connections.
      await consumer.disconnect();
    },
    failure: () => crashed,
  };
}

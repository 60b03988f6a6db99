// One subscription on @platformatic/kafka: a consumer in a group whose messages stream is cut into
// batches of at most `maxBatchSize` messages of one partition, in order, handed to our handler.
// A batch is committed (its last acknowledged offset + 1) only after the handler resolved. The
// library has no seek, so a rejected or partly acknowledged batch ends the round: nothing more is
// handed out, batches in flight on other partitions finish and commit, the stream is closed, and
// after a growing back-off a new stream starts from the group's committed offsets, so what was not
// acknowledged (and whatever was only buffered) comes again. Group heartbeats run on the client's own timer, so a long batch keeps its membership.
// The library also rejoins the group on its own while batches are running, and after each join it
// reads the partitions it holds again from the group's commit. So within a stream, a message older
// than what was already taken from its partition is skipped (no batch handled twice), what arrives
// for a partition this member no longer holds is left to the new owner, and a batch that finishes
// after its partition moved is not committed: the broker would take that commit (same group, new
// generation) and rewind the new owner's progress, leaving lag that no one reads again. Should that
// rejoin fail through all the library's retries, it says so with `error` on the consumer and leaves
// the group: the round ends and the next stream runs on a new consumer, which joins again.
// A tail (tailFrom) is the same consumer in a throwaway group, starting at the topic's end, committing nothing.
import { Consumer, type Message } from '@platformatic/kafka';
import { backoffDelay } from '@earshot/core';
import { acknowledgedCount } from '../partial-ack.js';
import type { BusMessage, Subscription } from '../port.js';
import type { KafkaSecuritySettings } from '../kafka-auth-errors.js';
import type { ConsumerTuning } from '../kafka-options.js';
import type { SubscriptionTarget } from '../kafka-subscriptions.js';
import type { PlatformaticConnection } from './connection.js';
import { translatePlatformaticError } from './platformatic-errors.js';

export interface ConsumeStreamOptions extends ConsumerTuning, SubscriptionTarget {
  connection: PlatformaticConnection;
  /**
   * A tail (port.ts TailOptions): the first stream starts at these offsets per partition (the ends
   * when tail() was called), nothing is committed, a failed batch is skipped, and a stream opened
   * again after an error starts at the latest offsets.
   */
  tailFrom?: Map<number, bigint>;
  /** The bus's TLS and SASL settings, which the hints in logged library errors name. */
  security?: KafkaSecuritySettings;
}

type Received = Message<Buffer, Buffer, Buffer, Buffer>;
/** The payload of the consumer's `consumer:group:join` event (classic protocol). */
interface GroupJoin {
  groupId?: string;
  generationId?: number;
  assignments?: { topic: string; partitions: number[] }[];
}

export function toBusMessage(topic: string, m: Received): BusMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of m.headers ?? new Map<Buffer, Buffer>()) headers[name.toString()] = value ? value.toString() : '';
  return {
    topic,
    partition: m.partition,
    offset: m.offset.toString(),
    key: m.key ? m.key.toString() : '',
    value: m.value ?? Buffer.alloc(0),
    headers,
    timestamp: Number(m.timestamp),
  };
}

export async function consumeStream(options: ConsumeStreamOptions): Promise<Subscription> {
  const { topic, handler, logger, maxBatchSize } = options;
  const concurrency = options.partitionsConsumedConcurrently ?? 3;
  let wake: (() => void) | undefined;
  let endRound: (() => void) | undefined;
  let rebalanced: (() => void) | undefined;
  let lost: (() => void) | undefined;
  const state = { stopping: false, failures: 0, replace: false };
  // The library nests its retries' errors (a failed rejoin holds 36): logged as the reasons at their leaves.
  const libraryError = (err: unknown, what: string) => translatePlatformaticError(err, `${what} (${options.kafkaTopic})`, options.security);
  const newConsumer = () => {
    const created = new Consumer({
      ...options.connection,
      groupId: options.kafkaGroupId,
      sessionTimeout: options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 1000,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? 30_000,
      maxWaitTime: options.maxWaitTimeMs ?? 1000,
      minBytes: options.minBytes ?? 1,
      autocommit: false,
    });
    // Rebalances as kafkajs reports them (info): which partitions this member reads after each join;
    // a heartbeat failing for a reason other than a rebalance (the library keeps trying) at warn.
    created.on('consumer:group:join', (event: GroupJoin) => {
      rebalanced?.();
      logger.info(
        {
          topic,
          groupId: event.groupId,
          generationId: event.generationId,
          partitions: event.assignments?.find((a) => a.topic === options.kafkaTopic)?.partitions ?? [],
        },
        'consumer group joined',
      );
    });
    created.on('consumer:heartbeat:error', (event: { error?: unknown }) =>
      logger.warn({ err: libraryError(event.error, 'heartbeat'), topic }, 'consumer group heartbeat failed'),
    );
    // After a rebalance the library rejoins on its own; when every retry of that fails (the
    // coordinator unreachable for some 20 s) it emits `error`, stops its heartbeats and is left out of
    // the group, and an `error` nobody listens to would end the process. So the round ends, and the
    // next stream starts on a new consumer, which finds the coordinator again and joins (1.x kept the
    // first coordinator it found for good; 2.x looks again, but a consumer that left the group stays out).
    created.on('error', (err: unknown) => {
      logger.warn(
        { err: libraryError(err, 'rejoining the group'), topic },
        'could not rejoin the consumer group, joining again with a new consumer after back-off',
      );
      state.replace = true;
      lost?.();
    });
    return created;
  };
  let consumer = newConsumer();
  const context = {
    heartbeat: async () => undefined,
    get stopping() {
      return state.stopping;
    },
  };
  /** Whether this member holds the partition in the group's current generation (a tail holds all). */
  const holds = (partition: number) => tail || (consumer.assignments?.find((a) => a.topic === options.kafkaTopic)?.partitions.includes(partition) ?? false);

  let tailFrom = options.tailFrom;
  const tail = tailFrom !== undefined;
  /** A stream from the group's committed offsets (the earliest where nothing is committed yet), or a tail's place. */
  const openStream = () => {
    const start = tailFrom
      ? { mode: 'manual' as const, offsets: [...tailFrom].map(([partition, offset]) => ({ topic: options.kafkaTopic, partition, offset })) }
      : tail
        ? { mode: 'latest' as const }
        : { mode: 'committed' as const, fallbackMode: 'earliest' as const };
    tailFrom = undefined;
    return consumer.consume({
      topics: [options.kafkaTopic],
      ...start,
      autocommit: false,
      maxWaitTime: options.maxWaitTimeMs ?? 1000,
      minBytes: options.minBytes ?? 1,
    });
  };
  type Stream = Awaited<ReturnType<typeof openStream>>;

  /** Reads one stream until a batch fails or the subscription stops; resolves true on failure. */
  async function round(stream: Stream): Promise<boolean> {
    const queues = new Map<number, Received[]>();
    /** Per partition, the offset after the last message taken into a queue during this round. */
    const taken = new Map<number, bigint>();
    const busy = new Set<number>();
    let buffered = 0;
    let failed = false;
    const highWater = maxBatchSize * concurrency * 2;

    const outcome = new Promise<boolean>((resolve) => {
      const finishWhenIdle = () => {
        if ((failed || state.stopping) && busy.size === 0) resolve(failed);
      };
      const halt = () => {
        stream.pause();
        queues.clear();
        buffered = 0;
        finishWhenIdle();
      };
      endRound = halt;
      lost = () => {
        failed = true;
        halt();
      };
      // A partition that moved to another member: what is queued for it is the new owner's to read.
      // (Every queued partition has an entry in `taken`.)
      rebalanced = () => {
        for (const partition of taken.keys()) {
          if (holds(partition)) continue;
          buffered -= queues.get(partition)?.length ?? 0;
          queues.delete(partition);
          taken.delete(partition);
        }
        dispatch();
      };

      const run = (partition: number, queue: Received[]) => {
        const slice = queue.splice(0, maxBatchSize);
        buffered -= slice.length;
        busy.add(partition);
        handler(
          slice.map((m) => toBusMessage(topic, m)),
          context,
        )
          .then((result) => acknowledgedCount(result, slice.length))
          .then(
            async (handled) => {
              if (tail) return;
              if (handled > 0) {
                const last = slice[handled - 1]!;
                if (holds(partition)) {
                  await last.commit();
                  logger.debug({ topic, partition, offset: last.offset.toString() }, 'batch committed');
                } else {
                  logger.debug({ topic, partition, offset: last.offset.toString() }, 'partition moved to another member during the batch, not committed');
                }
              }
              if (handled === slice.length) {
                state.failures = 0;
                return;
              }
              // Acknowledged in part: the round ends, and the next stream starts at the first unacknowledged message.
              failed = true;
              logger.debug({ topic, partition, offset: slice[handled]!.offset.toString() }, 'batch acknowledged in part, redelivering the rest after back-off');
            },
            (err: unknown) => {
              if (tail) return void logger.warn({ err, topic, partition, offset: slice[0]!.offset.toString() }, 'tail handler failed, batch skipped');
              failed = true;
              logger.warn({ err, topic, partition, offset: slice[0]!.offset.toString() }, 'batch failed, redelivering after back-off');
            },
          )
          .catch((err: unknown) => {
            // A commit refused (the group rebalanced, the broker went away): read again from the last commit.
            failed = true;
            logger.warn(
              { err: libraryError(err, 'committing'), topic, partition, offset: slice[0]!.offset.toString() },
              'commit failed, reading again from the last commit',
            );
          })
          .finally(() => {
            busy.delete(partition);
            if (failed || state.stopping) halt();
            else dispatch();
          });
      };

      const dispatch = () => {
        if (failed || state.stopping) return;
        for (const [partition, queue] of queues) {
          if (busy.size >= concurrency) break;
          if (!busy.has(partition) && queue.length) run(partition, queue);
        }
        if (buffered < highWater / 2 && stream.isPaused()) stream.resume();
      };

      stream.on('data', (m: Received) => {
        if (failed || state.stopping) return;
        if (!holds(m.partition) || m.offset < (taken.get(m.partition) ?? -1n)) return;
        taken.set(m.partition, m.offset + 1n);
        let queue = queues.get(m.partition);
        if (!queue) queues.set(m.partition, (queue = []));
        queue.push(m);
        if (++buffered >= highWater) stream.pause();
        // Batch what arrived together: hand out once the stream has delivered what it has.
        setImmediate(dispatch);
      });
      stream.on('error', (err: unknown) => {
        failed = true;
        logger.warn({ err: libraryError(err, 'reading'), topic }, 'consumer stream failed, reading again from the last commit');
        halt();
      });
      // stop() came while this stream was being opened (endRound was not set yet): nothing is read from it.
      if (state.stopping) halt();
    });

    try {
      return await outcome;
    } finally {
      endRound = undefined;
      rebalanced = undefined;
      lost = undefined;
      await stream.close().catch((err: unknown) => logger.debug({ err, topic }, 'closing the stream failed'));
    }
  }

  async function backOff(): Promise<void> {
    state.failures++;
    const delay = backoffDelay(state.failures, { initialDelayMs: 200, maxDelayMs: 10_000 });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = undefined;
  }

  async function loop(first: Stream): Promise<void> {
    let next: Stream | undefined = first;
    while (!state.stopping) {
      let failed: boolean;
      if (state.replace) {
        state.replace = false;
        await consumer.close().catch((err: unknown) => logger.debug({ err, topic }, 'closing the consumer left out of its group failed'));
        consumer = newConsumer();
      }
      try {
        failed = await round(next ?? (await openStream()));
        next = undefined;
      } catch (err) {
        next = undefined;
        logger.warn({ err: libraryError(err, 'starting to read'), topic }, 'could not start reading, trying again after back-off');
        failed = true;
      }
      if (failed && !state.stopping) await backOff();
    }
  }

  // The first stream is opened here so that a broker refusing us (bad credentials, no topic)
  // fails subscribe() instead of looping in the background.
  let first: Stream;
  try {
    first = await openStream();
  } catch (err) {
    await consumer.close().catch(() => undefined);
    throw err;
  }
  const running = loop(first);

  return {
    async stop() {
      if (state.stopping) return running;
      state.stopping = true;
      wake?.();
      endRound?.();
      await running;
      await consumer.close();
    },
  };
}

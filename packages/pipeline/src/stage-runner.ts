// Runs one consuming stage on any bus: decode each message (a topic may carry several message
// types: each is decoded with its own schema, anything else is dead-lettered), hand the batch to the stage's step,
// then turn outcomes into side effects — publish outputs, dead-letter the bad, count the dropped —
// and only then acknowledge (commit).
//
// Error policy (see README): a step that throws a retriable error commits nothing and the batch
// comes again after the bus's back-off, without limit (health is degraded meanwhile); any other
// throw is blamed on messages, which are isolated and dead-lettered after `maxAttempts` tries
// (`isolate-poison.ts`), so a poison message never blocks its partition.
//
// `retryLater` retries that message and what follows it, nothing before it: the messages before
// the first `retryLater` have their outputs and DLQ records published and are acknowledged; from
// that message on nothing is published and nothing committed (a `PartialAck`), so the bus delivers
// them again, in order, after a back-off. Outputs of messages that succeeded are never published
// twice, and per-key order holds (no republishing to the input topic).
import type { Bus, BusMessage, PartialAck, Subscription } from '@earshot/bus';
import type { Health, Logger, Metrics } from '@earshot/observability';
import { decodeMessage, TOPICS, type AnyMessage, type MessageType } from '@earshot/schema';
import { toDlqRecord } from './dlq.js';
import { POISON_DEFAULTS, runIsolatingPoison, type IsolatePoisonOptions } from './isolate-poison.js';
import { dlq, type Outcome, type Output } from './outcome.js';

/** A decoded message; for a union of types, `message` is a union the step narrows on `message.type`. */
export interface DecodedMessage<T extends MessageType> {
  message: Extract<AnyMessage, { type: T }>;
  source: BusMessage;
}

export interface StageStep<T extends MessageType> {
  /** Returns one outcome per input, in the same order. Throwing is for infrastructure failures only. */
  (batch: DecodedMessage<T>[]): Promise<Outcome[]>;
}

export interface StageRunnerOptions<T extends MessageType> {
  stage: string;
  bus: Bus;
  groupId: string;
  topic: string;
  /** The message type the topic carries, or the types (the step gets each decoded with its own schema). */
  type: T | readonly T[];
  step: StageStep<T>;
  logger: Logger;
  metrics?: Metrics;
  maxBatchSize?: number;
  dlqTopic?: string;
  /** How often a message the step throws on (non-retriable) is tried alone before it is dead-lettered (default 3). */
  maxAttempts?: number;
  /** Back-off between those attempts (defaults 100 ms doubling to 2 s); tests make it instant. */
  attemptRetry?: IsolatePoisonOptions<unknown>['retry'];
}

export interface StageRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly processed: number;
  readonly lastError: string | undefined;
  /** Degraded while the last batch failed or asked for a retry (it is being retried). */
  health(): Health;
}

export function createStageRunner<T extends MessageType>(options: StageRunnerOptions<T>): StageRunner {
  const { stage, bus, logger, metrics } = options;
  const dlqTopic = options.dlqTopic ?? TOPICS.dlq;
  const maxAttempts = options.maxAttempts ?? POISON_DEFAULTS.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`stage ${stage}: maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
  let subscription: Subscription | undefined;
  let processed = 0;
  let lastError: string | undefined;

  async function runStep(batch: DecodedMessage<T>[]): Promise<Outcome[]> {
    const outcomes = await options.step(batch);
    if (outcomes.length !== batch.length) throw new TypeError(`stage ${stage} returned ${outcomes.length} outcomes for ${batch.length} messages`);
    return outcomes;
  }

  /** One outcome per message, in order: decoding failures are `dlq`, the rest is the step's. */
  async function outcomesFor(messages: BusMessage[], heartbeat: () => Promise<void>): Promise<Outcome[]> {
    const results: Outcome[] = [];
    const decoded: { index: number; item: DecodedMessage<T> }[] = [];
    messages.forEach((source, index) => {
      const result = decodeMessage(source.value, options.type);
      if (result.ok) decoded.push({ index, item: { message: result.message, source } });
      else results[index] = dlq(result.reason);
    });
    const outcomes = await runIsolatingPoison(
      decoded.map((d) => d.item),
      {
        run: runStep,
        maxAttempts,
        retry: options.attemptRetry,
        between: heartbeat,
        onPoison: ({ source }, err, attempts) =>
          logger.error(
            { err, topic: source.topic, partition: source.partition, offset: source.offset, attempts },
            'step keeps failing on this message, dead-lettering it',
          ),
      },
    );
    decoded.forEach((d, i) => (results[d.index] = outcomes[i]!));
    return results;
  }

  /** Publishes the outputs and DLQ records of acknowledged messages; a failed publish throws (nothing is committed). */
  async function apply(messages: BusMessage[], outcomes: Outcome[]): Promise<void> {
    const outputs = new Map<string, Output[]>();
    const dead: { source: BusMessage; reason: string }[] = [];
    outcomes.forEach((outcome, i) => {
      const source = messages[i]!;
      metrics?.messagesProcessed.inc({ stage, outcome: outcome.kind });
      if (outcome.kind === 'ok') {
        for (const out of outcome.outputs) outputs.set(out.topic, [...(outputs.get(out.topic) ?? []), out]);
      } else if (outcome.kind === 'dlq') dead.push({ source, reason: outcome.reason });
      else if (outcome.kind === 'drop') {
        logger.debug({ topic: source.topic, partition: source.partition, offset: source.offset, reason: outcome.reason }, 'message dropped');
      }
    });
    for (const [topic, list] of outputs) {
      await bus.publish(
        topic,
        list.map((o) => ({ key: o.key, value: o.value, headers: o.headers })),
      );
    }
    if (dead.length) {
      // If the DLQ write fails this throws, and the batch is not committed.
      await bus.publish(
        dlqTopic,
        dead.map(({ source, reason }) => toDlqRecord(source, reason, stage)),
      );
      for (const { source: m, reason } of dead) logger.warn({ topic: m.topic, partition: m.partition, offset: m.offset, reason }, 'message sent to DLQ');
    }
  }

  /** Handles a batch; the reason it asked for a retry, if a message did. */
  async function handle(messages: BusMessage[], heartbeat: () => Promise<void>): Promise<(PartialAck & { reason: string }) | undefined> {
    const started = performance.now();
    const outcomes = await outcomesFor(messages, heartbeat);
    const retryAt = outcomes.findIndex((o) => o.kind === 'retryLater');
    const handled = retryAt === -1 ? messages.length : retryAt;
    await apply(messages.slice(0, handled), outcomes.slice(0, handled));
    processed += handled;
    metrics?.batchSeconds.observe({ stage }, (performance.now() - started) / 1000);
    if (retryAt === -1) return undefined;
    const retrying = outcomes[retryAt]!;
    const reason = retrying.kind === 'retryLater' ? retrying.reason : '';
    metrics?.messagesProcessed.inc({ stage, outcome: 'retryLater' });
    const m = messages[retryAt]!;
    logger.warn(
      { topic: m.topic, partition: m.partition, offset: m.offset, acknowledged: handled, reason },
      'message asked to be retried; it and the rest of the batch come again',
    );
    return { handled, reason };
  }

  return {
    get processed() {
      return processed;
    },
    get lastError() {
      return lastError;
    },
    health() {
      const failure = subscription?.failure?.();
      if (failure) return { status: 'error', details: { failure, processed } };
      return lastError ? { status: 'degraded', details: { lastError, processed } } : { status: 'ok', details: { processed } };
    },
    async start() {
      subscription = await bus.subscribe({
        groupId: options.groupId,
        topic: options.topic,
        maxBatchSize: options.maxBatchSize,
        handler: async (messages, context) => {
          try {
            const retry = await handle(messages, () => context.heartbeat());
            lastError = retry && `${stage}: retry later: ${retry.reason}`;
            return retry && { handled: retry.handled };
          } catch (err) {
            lastError = (err as Error).message;
            logger.error({ err, stage, count: messages.length }, 'batch failed, will be redelivered');
            throw err;
          }
        },
      });
    },
    async stop() {
      await subscription?.stop();
      subscription = undefined;
    },
  };
}

// Runs one consuming stage on any bus: decode each message, hand the batch to the stage's step,
// then turn outcomes into side effects — publish outputs, dead-letter the bad, count the dropped —
// and only then acknowledge (commit). A retriable failure commits nothing and the batch comes
// again; a poison message never blocks its partition.
import type { Bus, BusMessage, Subscription } from '@earshot/bus';
import type { Health, Logger, Metrics } from '@earshot/observability';
import { decodeMessage, TOPICS, type AnyMessage, type MessageType } from '@earshot/schema';
import { toDlqRecord } from './dlq.js';
import { EarshotError } from '@earshot/core';
import type { Outcome, Output } from './outcome.js';

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
  type: T;
  step: StageStep<T>;
  logger: Logger;
  metrics?: Metrics;
  maxBatchSize?: number;
  dlqTopic?: string;
}

export interface StageRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly processed: number;
  readonly lastError: string | undefined;
  /** Degraded while the last batch failed (it is being retried). */
  health(): Health;
}

export function createStageRunner<T extends MessageType>(options: StageRunnerOptions<T>): StageRunner {
  const { stage, bus, logger, metrics } = options;
  const dlqTopic = options.dlqTopic ?? TOPICS.dlq;
  let subscription: Subscription | undefined;
  let processed = 0;
  let lastError: string | undefined;

  async function handle(messages: BusMessage[]): Promise<void> {
    const started = performance.now();
    const decoded: DecodedMessage<T>[] = [];
    const dead: BusMessage[] = [];
    const reasons = new Map<BusMessage, string>();
    for (const source of messages) {
      const result = decodeMessage(source.value, options.type);
      if (result.ok) decoded.push({ message: result.message, source });
      else {
        dead.push(source);
        reasons.set(source, result.reason);
      }
    }
    const outcomes = decoded.length ? await options.step(decoded) : [];
    if (outcomes.length !== decoded.length) {
      throw new TypeError(`stage ${stage} returned ${outcomes.length} outcomes for ${decoded.length} messages`);
    }

    const outputs = new Map<string, Output[]>();
    let retryReason: string | undefined;
    outcomes.forEach((outcome, i) => {
      const { source } = decoded[i]!;
      metrics?.messagesProcessed.inc({ stage, outcome: outcome.kind });
      switch (outcome.kind) {
        case 'ok':
          for (const out of outcome.outputs) {
            const list = outputs.get(out.topic) ?? [];
            list.push(out);
            outputs.set(out.topic, list);
          }
          break;
        case 'dlq':
          dead.push(source);
          reasons.set(source, outcome.reason);
          break;
        case 'drop':
          logger.debug({ topic: source.topic, partition: source.partition, offset: source.offset, reason: outcome.reason }, 'message dropped');
          break;
        case 'retryLater':
          retryReason ??= outcome.reason;
          break;
      }
    });
    for (const source of messages) if (reasons.has(source) && !decoded.some((d) => d.source === source)) metrics?.messagesProcessed.inc({ stage, outcome: 'dlq' });

    for (const [topic, list] of outputs) {
      await bus.publish(topic, list.map((o) => ({ key: o.key, value: o.value, headers: o.headers })));
    }
    if (dead.length) {
      // If the DLQ write fails this throws, and the batch is not committed.
      await bus.publish(dlqTopic, dead.map((m) => toDlqRecord(m, reasons.get(m) ?? 'unknown', stage)));
      for (const m of dead) {
        logger.warn({ topic: m.topic, partition: m.partition, offset: m.offset, reason: reasons.get(m) }, 'message sent to DLQ');
      }
    }
    if (retryReason) throw new EarshotError(`${stage}: retry later: ${retryReason}`, { retriable: true });
    processed += messages.length;
    metrics?.batchSeconds.observe({ stage }, (performance.now() - started) / 1000);
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
        handler: async (messages) => {
          try {
            await handle(messages);
            lastError = undefined;
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

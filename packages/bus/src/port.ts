// The bus port: what stages see of Kafka or the embedded bus. A stage publishes to a named topic and
// consumes batches; it never sees a producer, a consumer or a client library.

export interface OutgoingMessage {
  /** Partitioning key (the mention id, or the brand id on mentions.by-brand), so per-key order holds. */
  key: string;
  value: Buffer;
  headers?: Record<string, string>;
}

export interface BusMessage {
  topic: string;
  partition: number;
  /** Opaque, increasing within a partition. */
  offset: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  /** When the bus accepted the message, epoch milliseconds. */
  timestamp: number;
}

export interface BatchContext {
  /** Keeps the consumer's group membership alive during a long batch (Kafka heartbeats). */
  heartbeat(): Promise<void>;
  /** True once the subscription is stopping: finish the batch quickly. */
  readonly stopping: boolean;
}

/**
 * What a handler may resolve with to acknowledge only the start of its batch: the first `handled`
 * messages are committed, and the rest — from message number `handled` on — are delivered again
 * after a back-off. Resolving with nothing acknowledges the whole batch.
 */
export interface PartialAck {
  handled: number;
}

/**
 * Receives a batch of messages from one partition, in order. Resolving acknowledges the whole batch
 * (its offsets are committed), or with a `PartialAck` its first `handled` messages. Rejecting commits
 * nothing; the batch is delivered again after a back-off.
 */
export type BatchHandler = (messages: BusMessage[], context: BatchContext) => Promise<void | PartialAck>;

/** A batch's upper bound where the reader sets none (SubscribeOptions, TailOptions `maxBatchSize`). */
export const DEFAULT_MAX_BATCH_SIZE = 500;

export interface SubscribeOptions {
  groupId: string;
  topic: string;
  handler: BatchHandler;
  /** Upper bound on a batch, default DEFAULT_MAX_BATCH_SIZE. */
  maxBatchSize?: number;
}

/**
 * A tail reads a topic from its end as it is when tail() resolves: only messages published after
 * that are delivered, every partition to this one reader, with no consumer group to join or
 * commits to keep. It is for live views (the API's streams), not for processing: a handler that
 * rejects loses that batch (it is logged), and a restarted tail starts from the end again.
 */
export interface TailOptions {
  topic: string;
  handler: BatchHandler;
  /** Upper bound on a batch, default DEFAULT_MAX_BATCH_SIZE. */
  maxBatchSize?: number;
}

export interface Subscription {
  /** Finishes the batch in flight, commits it and leaves the group. */
  stop(): Promise<void>;
  /**
   * Why the subscription stopped reading for good (a Kafka consumer that crashed and will not
   * restart), else undefined. Adapters that always retry do not implement it.
   */
  failure?(): string | undefined;
}

export interface TopicSpec {
  name: string;
  partitions: number;
}

export interface Bus {
  readonly kind: 'embedded' | 'kafka';
  /** Creates the topics that are missing; existing ones are left as they are. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Resolves once every message is durably accepted (fsync'd / acknowledged by all in-sync replicas). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Reads what is published from now on, without a group of its own (see TailOptions). */
  tail(options: TailOptions): Promise<Subscription>;
  /** Messages not yet committed by the group, summed over partitions (for draining and metrics). */
  lag(groupId: string, topic: string): Promise<number>;
  close(): Promise<void>;
}

// What configures a Kafka bus, whichever client library runs it (kafkajs in kafka/, @platformatic/kafka
// in platformatic/). One shape, so the composition root picks a client without translating options,
// and both adapters answer to the same contract suite.
import type { Logger } from '@earshot/observability';

export interface ConsumerTuning {
  /** The broker drops a member it has not heard from for this long (default 10 s). */
  sessionTimeoutMs?: number;
  /** How often a live member says so (default 1 s; under a third of the session timeout). */
  heartbeatIntervalMs?: number;
  /** How long members have to rejoin during a rebalance (default 30 s). */
  rebalanceTimeoutMs?: number;
  /** Partitions handled at the same time by one consumer (default 3). */
  partitionsConsumedConcurrently?: number;
  /** Longest wait for new data in one fetch (default 1 s; also bounds how long stop() waits). */
  maxWaitTimeMs?: number;
  /** Bytes a fetch waits for (up to maxWaitTimeMs) before returning: bigger batches, more latency (default 1). */
  minBytes?: number;
}

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Put before every topic and consumer group name ("" = none). */
  topicPrefix?: string;
  /** Partitions for topics created implicitly by publish or subscribe (default 6). */
  partitions?: number;
  replicationFactor?: number;
  logger?: Logger;
  consumer?: ConsumerTuning;
}

/** Largest payload handed to one produce call; the broker refuses record batches over 1 MB. */
const MAX_SEND_BYTES = 512 * 1024;

/** Splits a publish into produce calls that stay under the broker's batch limit. */
export function chunkBySize<T extends { key: string; value: Buffer }>(messages: T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = m.value.length + m.key.length + 64;
    if (current.length && bytes + size > MAX_SEND_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

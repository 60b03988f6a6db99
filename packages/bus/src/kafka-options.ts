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

/** TLS towards the brokers; PEM text (files are read, `${VAR}`s expanded, by the caller). */
export interface KafkaTls {
  /** CA certificate(s) to trust instead of the system's (a private CA, MSK's or Aiven's project CA). */
  ca?: string;
  /** Client certificate and key for mutual TLS (Aiven, Strimzi `tls` listeners). */
  cert?: string;
  key?: string;
  /** Default true; false accepts any certificate (never in production). */
  rejectUnauthorized?: boolean;
}

export type KafkaSasl =
  | { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string }
  /** OAUTHBEARER: `token` is asked again for every (re)authentication, so it can refresh. */
  | { mechanism: 'oauthbearer'; token: () => Promise<string> };

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Put before every topic and consumer group name ("" = none). */
  topicPrefix?: string;
  /** Partitions for topics created implicitly by publish or subscribe (default 6). */
  partitions?: number;
  replicationFactor?: number;
  /** Per topic (unprefixed name): partitions and replication factor that win over the defaults. */
  topics?: Record<string, { partitions?: number; replicationFactor?: number }>;
  /** false: never create topics; check they exist and fail naming the missing ones (default true). */
  createTopics?: boolean;
  logger?: Logger;
  consumer?: ConsumerTuning;
  /** TLS on (true = system CAs) or with our own CA / client certificate. */
  tls?: boolean | KafkaTls;
  sasl?: KafkaSasl;
}

/** Says which setting to look at when the broker refuses us: the operator reads this first. */
export function authenticationHint(options: Pick<KafkaBusOptions, 'sasl' | 'tls'>): string {
  if (!options.sasl) return 'the broker asked for authentication but bus.sasl is not set';
  if (options.sasl.mechanism === 'oauthbearer') return 'check bus.sasl.token (the OAUTHBEARER token was refused)';
  return `check bus.sasl.username / bus.sasl.password (user "${options.sasl.username}", mechanism ${options.sasl.mechanism.toUpperCase()})`;
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

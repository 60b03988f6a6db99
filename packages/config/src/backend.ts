// Which adapters to run on: the embedded bus and SQLite store (the default, one process), or Kafka
// and Elasticsearch. Endpoints may come from the environment (KAFKA_BROKERS, ELASTICSEARCH_URL).
import { z } from 'zod';
import { duration } from './duration.js';

/** Longest one search, count or aggregation may take (default 5s; the API answers 503 past it). */
const queryTimeout = duration.pipe(z.number().min(100, 'at least 100ms')).optional();

/** A PEM value: a file path, or the PEM text itself (e.g. from `${KAFKA_CA}`). */
const pem = z.string().min(1);

const kafkaTlsSchema = z.union([
  z.boolean(),
  z
    .object({
      /** CA certificate(s) to trust (private CA, MSK/Aiven CA): file path or PEM text. */
      ca: pem.optional(),
      /** Client certificate and key for mutual TLS: file paths or PEM text. */
      cert: pem.optional(),
      key: pem.optional(),
      rejectUnauthorized: z.boolean().default(true),
    })
    .strict()
    .refine((t) => !t.cert === !t.key, { message: 'cert and key go together (mutual TLS needs both)' }),
]);

const kafkaSaslSchema = z.union([
  z
    .object({
      mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
      username: z.string().min(1),
      password: z.string().min(1),
    })
    .strict(),
  z
    .object({
      mechanism: z.literal('oauthbearer'),
      /** The token itself (usually `${KAFKA_OAUTH_TOKEN}`), or… */
      token: z.string().min(1).optional(),
      /** …a command printing a fresh token on stdout, run for every (re)authentication. */
      tokenCommand: z.string().min(1).optional(),
    })
    .strict()
    .refine((o) => !o.token !== !o.tokenCommand, { message: 'give exactly one of token and tokenCommand' }),
]);
export type KafkaSaslConfig = z.infer<typeof kafkaSaslSchema>;
export type KafkaTlsConfig = z.infer<typeof kafkaTlsSchema>;

const kafkaTopicSchema = z
  .object({
    partitions: z.number().int().positive().optional(),
    replicationFactor: z.number().int().positive().optional(),
  })
  .strict();

export const busSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('embedded'),
    /** SQLite file that makes the in-process bus durable across restarts. */
    path: z.string().default('data/bus.db'),
    partitions: z.number().int().positive().default(4),
    /** Committed messages older than this are deleted. */
    retention: z
      .number()
      .int()
      .positive()
      .default(7 * 86_400_000),
  }),
  z.object({
    kind: z.literal('kafka'),
    /** The client library: @platformatic/kafka (maintained, Kafka 3.5–4.x) or kafkajs (unmaintained, Kafka ≤ 3.x). */
    client: z.enum(['kafkajs', 'platformatic']).default('platformatic'),
    brokers: z.array(z.string().min(1)).min(1),
    clientId: z.string().default('earshot'),
    partitions: z.number().int().positive().default(6),
    replicationFactor: z.number().int().positive().default(1),
    /** Before every topic and consumer group name, so Earshot's names do not collide on a shared cluster. */
    topicPrefix: z.string().default('earshot.'),
    /** Per topic (name without the prefix, e.g. `mentions.raw`): partitions and replication factor. */
    topics: z.record(z.string(), kafkaTopicSchema).default({}),
    /** false: topics come from infrastructure code; Earshot checks they exist and stops if not. */
    createTopics: z.boolean().default(true),
    tls: kafkaTlsSchema.optional(),
    sasl: kafkaSaslSchema.optional(),
  }),
]);
export type BusConfig = z.infer<typeof busSchema>;

export const storeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sqlite'),
    path: z.string().default('data/earshot.db'),
    queryTimeout,
  }),
  z
    .object({
      kind: z.literal('elasticsearch'),
      /** The cluster's URL; or give cloudId (Elastic Cloud) instead. */
      url: z.string().url().optional(),
      cloudId: z.string().min(1).optional(),
      indexPrefix: z.string().default('earshot'),
      username: z.string().optional(),
      password: z.string().optional(),
      apiKey: z.string().optional(),
      /** A private CA (file path or PEM text), or its SHA-256 fingerprint as Elasticsearch prints it. */
      ca: pem.optional(),
      caFingerprint: z
        .string()
        .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'a SHA-256 fingerprint: 64 hex digits, colons allowed')
        .optional(),
      /** Mention indices whose whole month is older than this are deleted, e.g. 13mo, 2y, 400d. */
      retention: z
        .string()
        .refine((v) => /^\s*[1-9]\d*\s*(mo|y|w|d)\s*$/.test(v), 'a retention like 13mo, 2y, 8w or 400d')
        .optional(),
      queryTimeout,
    })
    .refine((s) => !!s.url !== !!s.cloudId, { message: 'give exactly one of url and cloudId' }),
]);
export type StoreConfig = z.infer<typeof storeSchema>;

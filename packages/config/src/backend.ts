// Which adapters to run on: the embedded bus and SQLite store (the default, one process), or Kafka
// and Elasticsearch. Endpoints may come from the environment (KAFKA_BROKERS, ELASTICSEARCH_URL).
import { z } from 'zod';
import { duration } from './duration.js';

/** Longest one search, count or aggregation may take (default 5s; the API answers 503 past it). */
const queryTimeout = duration.pipe(z.number().min(100, 'at least 100ms')).optional();

export const busSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('embedded'),
    /** SQLite file that makes the in-process bus durable across restarts. */
    path: z.string().default('data/bus.db'),
    partitions: z.number().int().positive().default(4),
    /** Committed messages older than this are deleted. */
    retention: z.number().int().positive().default(7 * 86_400_000),
  }),
  z.object({
    kind: z.literal('kafka'),
    brokers: z.array(z.string().min(1)).min(1),
    clientId: z.string().default('earshot'),
    partitions: z.number().int().positive().default(6),
    replicationFactor: z.number().int().positive().default(1),
    topicPrefix: z.string().default(''),
  }),
]);
export type BusConfig = z.infer<typeof busSchema>;

export const storeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sqlite'),
    path: z.string().default('data/earshot.db'),
    queryTimeout,
  }),
  z.object({
    kind: z.literal('elasticsearch'),
    url: z.string().url(),
    indexPrefix: z.string().default('earshot'),
    username: z.string().optional(),
    password: z.string().optional(),
    apiKey: z.string().optional(),
    queryTimeout,
  }),
]);
export type StoreConfig = z.infer<typeof storeSchema>;

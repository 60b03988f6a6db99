// Which adapters to run on: the embedded bus and SQLite store (the default, one process), or Kafka
// and Elasticsearch. Endpoints may come from the environment (KAFKA_BROKERS, ELASTICSEARCH_URL).
import { z } from 'zod';

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
    /** The client library: @platformatic/kafka (maintained, Kafka 3.5–4.x) or kafkajs (unmaintained, Kafka ≤ 3.x). */
    client: z.enum(['kafkajs', 'platformatic']).default('platformatic'),
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
  }),
  z.object({
    kind: z.literal('elasticsearch'),
    url: z.string().url(),
    indexPrefix: z.string().default('earshot'),
    username: z.string().optional(),
    password: z.string().optional(),
    apiKey: z.string().optional(),
  }),
]);
export type StoreConfig = z.infer<typeof storeSchema>;

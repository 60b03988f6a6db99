// Builds the bus and store adapters the config asks for. The only place that chooses between the
// embedded backend and Kafka/Elasticsearch. Each adapter is imported when it is chosen, not before:
// its client library (kafkajs or @platformatic/kafka, @elastic/elasticsearch, better-sqlite3) is
// most of what a command pays at start, and the build gives each dynamic import its own chunk, so
// `earshot search` on SQLite never loads a Kafka or Elasticsearch client. Types are imported with
// `import type`, which costs nothing at run time.
import { resolve } from 'node:path';
import type { Bus, KafkaBusOptions } from '@earshot/bus';
import type { EarshotConfig } from '@earshot/config';
import type { Logger } from '@earshot/observability';
import type { MentionStore } from '@earshot/store';
import type { ElasticsearchAuth, PrunedIndex, RefoldOptions, RefoldProgress } from '@earshot/store/elasticsearch';
import { kafkaSasl, kafkaTls } from './kafka-security.js';
import { pemValue } from './pem.js';

export interface AdapterOptions {
  /** Where the adapters log (the Kafka client's own lines included); silent when absent. */
  logger?: Logger;
}

export async function createBus(config: EarshotConfig, options: AdapterOptions = {}): Promise<Bus> {
  const bus = config.bus;
  switch (bus.kind) {
    case 'embedded': {
      const { createEmbeddedBus } = await import('./backends/embedded-bus.js');
      return createEmbeddedBus({ path: resolve(bus.path), defaultPartitions: bus.partitions, retentionMs: bus.retention });
    }
    case 'kafka': {
      const kafka: KafkaBusOptions = {
        brokers: bus.brokers,
        clientId: bus.clientId,
        topicPrefix: bus.topicPrefix,
        partitions: bus.partitions,
        replicationFactor: bus.replicationFactor,
        topics: bus.topics,
        createTopics: bus.createTopics,
        tls: kafkaTls(bus.tls),
        sasl: kafkaSasl(bus.sasl),
        logger: options.logger,
      };
      // One client per process: each loads only its own library.
      switch (bus.client) {
        case 'platformatic':
          return (await import('./backends/platformatic-bus.js')).createPlatformaticBus(kafka);
        case 'kafkajs':
          return (await import('./backends/kafkajs-bus.js')).createKafkaBus(kafka);
      }
    }
  }
}

export async function createStore(config: EarshotConfig, options: AdapterOptions = {}): Promise<MentionStore> {
  const store = config.store;
  switch (store.kind) {
    case 'sqlite': {
      const { createSqliteStore } = await import('./backends/sqlite-store.js');
      return createSqliteStore({ path: resolve(store.path), queryTimeoutMs: store.queryTimeout });
    }
    case 'elasticsearch': {
      const auth: ElasticsearchAuth | undefined = store.apiKey
        ? { apiKey: store.apiKey }
        : store.username
          ? { username: store.username, password: store.password ?? '' }
          : undefined;
      const { createElasticsearchStore } = await import('./backends/elasticsearch-store.js');
      return createElasticsearchStore({
        url: store.url,
        cloudId: store.cloudId,
        tls: { ca: pemValue(store.ca, 'store.ca'), caFingerprint: store.caFingerprint },
        indexPrefix: store.indexPrefix,
        auth,
        logger: options.logger,
        queryTimeoutMs: store.queryTimeout,
      });
    }
  }
}

export type MentionPruner = (options: { dryRun: boolean; now?: Date }) => Promise<PrunedIndex[]>;

/** Deletes mention indices past `store.retention`; undefined when the store has no retention. */
export async function mentionPruner(config: EarshotConfig, store: MentionStore): Promise<MentionPruner | undefined> {
  if (config.store.kind !== 'elasticsearch' || !config.store.retention) return undefined;
  // Already loaded: only an Elasticsearch store has a retention.
  const { parseRetention } = await import('./backends/elasticsearch-store.js');
  const retention = parseRetention(config.store.retention);
  if (!retention || !('pruneMentions' in store) || typeof store.pruneMentions !== 'function') return undefined;
  const prune = store.pruneMentions.bind(store) as (o: { retention: typeof retention; dryRun: boolean; now?: Date }) => Promise<PrunedIndex[]>;
  return ({ dryRun, now }) => prune({ retention, dryRun, now });
}

export type SearchTextRefolder = (options: RefoldOptions) => Promise<RefoldProgress[]>;

/**
 * Gives documents indexed before the store folded their search text their folded copies; undefined
 * for a store that needs no such pass (SQLite folds a file's search text when it opens it).
 */
export function searchTextRefolder(store: MentionStore): SearchTextRefolder | undefined {
  if (!('refoldSearchText' in store) || typeof store.refoldSearchText !== 'function') return undefined;
  return store.refoldSearchText.bind(store) as SearchTextRefolder;
}

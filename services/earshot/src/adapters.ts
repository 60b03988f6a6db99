// Builds the bus and store adapters the config asks for. The only place that chooses between the
// embedded backend and Kafka/Elasticsearch.
import { resolve } from 'node:path';
import type { Bus } from '@earshot/bus';
import { createKafkaClientBus } from '@earshot/bus/kafka';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import type { EarshotConfig } from '@earshot/config';
import type { Logger } from '@earshot/observability';
import { kafkaSasl, kafkaTls } from './kafka-security.js';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { createElasticsearchStore, parseRetention, type ElasticsearchAuth, type PrunedIndex } from '@earshot/store/elasticsearch';
import { pemValue } from './pem.js';

export interface AdapterOptions {
  /** Where the adapters log (the Kafka client's own lines included); silent when absent. */
  logger?: Logger;
}

export function createBus(config: EarshotConfig, options: AdapterOptions = {}): Bus {
  const bus = config.bus;
  switch (bus.kind) {
    case 'embedded':
      return createEmbeddedBus({ path: resolve(bus.path), defaultPartitions: bus.partitions, retentionMs: bus.retention });
    case 'kafka':
      return createKafkaClientBus(bus.client, {
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
      });
  }
}

export function createStore(config: EarshotConfig, options: AdapterOptions = {}): MentionStore {
  const store = config.store;
  switch (store.kind) {
    case 'sqlite':
      return createSqliteStore({ path: resolve(store.path), queryTimeoutMs: store.queryTimeout });
    case 'elasticsearch': {
      const auth: ElasticsearchAuth | undefined = store.apiKey
        ? { apiKey: store.apiKey }
        : store.username
          ? { username: store.username, password: store.password ?? '' }
          : undefined;
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
export function mentionPruner(config: EarshotConfig, store: MentionStore): MentionPruner | undefined {
  if (config.store.kind !== 'elasticsearch' || !config.store.retention) return undefined;
  const retention = parseRetention(config.store.retention);
  if (!retention || !('pruneMentions' in store) || typeof store.pruneMentions !== 'function') return undefined;
  const prune = store.pruneMentions.bind(store) as (o: { retention: typeof retention; dryRun: boolean; now?: Date }) => Promise<PrunedIndex[]>;
  return ({ dryRun, now }) => prune({ retention, dryRun, now });
}

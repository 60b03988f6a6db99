// Builds the bus and store adapters the config asks for. The only place that chooses between the
// embedded backend and Kafka/Elasticsearch.
import { resolve } from 'node:path';
import { createEmbeddedBus, createKafkaBus, type Bus } from '@earshot/bus';
import type { EarshotConfig } from '@earshot/config';
import type { Logger } from '@earshot/observability';
import { createElasticsearchStore, createSqliteStore, type ElasticsearchAuth, type MentionStore } from '@earshot/store';

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
      return createKafkaBus({
        brokers: bus.brokers,
        clientId: bus.clientId,
        topicPrefix: bus.topicPrefix,
        partitions: bus.partitions,
        replicationFactor: bus.replicationFactor,
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
      return createElasticsearchStore({ url: store.url, indexPrefix: store.indexPrefix, auth, logger: options.logger, queryTimeoutMs: store.queryTimeout });
    }
  }
}

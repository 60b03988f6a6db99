// Builds the bus and store adapters the config asks for. The only place that chooses between the
// embedded backend and Kafka/Elasticsearch.
import { resolve } from 'node:path';
import { createEmbeddedBus, type Bus } from '@earshot/bus';
import type { EarshotConfig } from '@earshot/config';
import { createSqliteStore, type MentionStore } from '@earshot/store';

export function createBus(config: EarshotConfig): Bus {
  switch (config.bus.kind) {
    case 'embedded':
      return createEmbeddedBus({ path: resolve(config.bus.path), defaultPartitions: config.bus.partitions, retentionMs: config.bus.retention });
    case 'kafka':
      throw new Error('bus.kind "kafka": the Kafka adapter is not part of this build yet');
  }
}

export function createStore(config: EarshotConfig): MentionStore {
  switch (config.store.kind) {
    case 'sqlite':
      return createSqliteStore({ path: resolve(config.store.path) });
    case 'elasticsearch':
      throw new Error('store.kind "elasticsearch": the Elasticsearch adapter is not part of this build yet');
  }
}

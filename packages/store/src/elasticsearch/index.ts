// The `@earshot/store/elasticsearch` entry: the Elasticsearch adapter, its index layout and
// retention, and the prefix teardown tests and throw-away deployments use.
export * from './elasticsearch-store.js';
export * from './mapping.js';
export * from './retention.js';
export * from './drop-indices.js';
export type { RefoldOptions, RefoldProgress } from './es-refold.js';

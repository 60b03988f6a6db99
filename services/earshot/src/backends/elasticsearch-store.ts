// The Elasticsearch store and its retention, loaded by adapters.ts only when the config chooses it;
// why through this file: backends/embedded-bus.ts.
export { createElasticsearchStore, parseRetention } from '@earshot/store/elasticsearch';

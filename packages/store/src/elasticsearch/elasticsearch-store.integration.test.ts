// The store contract against a real Elasticsearch (ELASTICSEARCH_URL, found or started by the global
// setup), each test on its own index prefix; the indices and templates are removed afterwards.
import { Client } from '@elastic/elasticsearch';
import { afterAll, inject, it } from 'vitest';
import { storeContract } from '../contract.js';
import { createElasticsearchStore, type ElasticsearchStore } from './elasticsearch-store.js';

const url = inject('elasticsearchUrl');
const run = `es${Date.now().toString(36)}`;
const prefixes: string[] = [];

if (!url) {
  it.skip(`store contract: elasticsearch (${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`, () => {});
} else {
  storeContract('elasticsearch', {
    create: async () => {
      const prefix = `${run}-${prefixes.length + 1}`;
      prefixes.push(prefix);
      return createElasticsearchStore({ url, indexPrefix: prefix });
    },
    refresh: (store) => (store as ElasticsearchStore).refresh(),
  });

  afterAll(async () => {
    const client = new Client({ node: url });
    for (const prefix of prefixes) {
      const indices = await client.cat.indices({ index: `${prefix}-*`, format: 'json' });
      for (const { index } of indices) if (index) await client.indices.delete({ index }, { ignore: [404] });
      await client.indices.deleteIndexTemplate({ name: `${prefix}-mentions` }, { ignore: [404] });
    }
    await client.close();
  });
}

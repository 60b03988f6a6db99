// Asks a live Elasticsearch (the one the integration setup provides) whether every field the Kibana
// saved objects use exists in a mention index built from the store's own template, and is
// aggregatable where they aggregate or sort: the same answer Kibana's data view would get.
import { Client } from '@elastic/elasticsearch';
import { afterAll, expect, inject, it } from 'vitest';
import { createElasticsearchStore } from '@earshot/store/elasticsearch';
import { seedMentions } from './testing/fixtures.js';
import { needsAggregatable, readSavedObjects, referencedFields } from './testing/kibana-fields.js';

const url = process.env.ELASTICSEARCH_URL || inject('elasticsearchUrl');
const prefix = `kib${Date.now().toString(36)}`;

if (!url) {
  it.skip(`Kibana fields against Elasticsearch (${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`, () => {});
} else {
  afterAll(async () => {
    const client = new Client({ node: url });
    const indices = await client.cat.indices({ index: `${prefix}-*`, format: 'json' });
    for (const { index } of indices) if (index) await client.indices.delete({ index }, { ignore: [404] });
    await client.indices.deleteIndexTemplate({ name: `${prefix}-mentions` }, { ignore: [404] });
    await client.close();
  });

  it('finds every saved-object field in _field_caps, aggregatable where it must be', async () => {
    const store = createElasticsearchStore({ url, indexPrefix: prefix });
    await store.init();
    await store.upsertMentions(seedMentions());
    await store.refresh();
    await store.close();
    const client = new Client({ node: url });
    const caps = await client.fieldCaps({ index: `${prefix}-mentions-*`, fields: '*' });
    await client.close();
    const problems = referencedFields(readSavedObjects()).flatMap((r) => {
      const types = caps.fields[r.field];
      if (!types) return [`${r.object}: ${r.field} (${r.use}) is not in the index`];
      const aggregatable = Object.values(types).every((t) => t.aggregatable);
      return needsAggregatable(r.use) && !aggregatable ? [`${r.object}: ${r.field} (${r.use}) is not aggregatable (${Object.keys(types).join(', ')})`] : [];
    });
    expect(problems).toEqual([]);
  });
}

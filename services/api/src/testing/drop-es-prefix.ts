// Test support: removes every index and the mention template a test created under its prefix, so
// tests sharing one Elasticsearch leave nothing behind.
import { Client } from '@elastic/elasticsearch';

export async function dropElasticsearchPrefix(url: string, prefix: string): Promise<void> {
  const client = new Client({ node: url });
  try {
    const indices = await client.cat.indices({ index: `${prefix}-*`, format: 'json' });
    for (const { index } of indices) if (index) await client.indices.delete({ index }, { ignore: [404] });
    await client.indices.deleteIndexTemplate({ name: `${prefix}-mentions` }, { ignore: [404] });
  } finally {
    await client.close();
  }
}

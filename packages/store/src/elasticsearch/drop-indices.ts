// Removes everything one deployment prefix owns in Elasticsearch: its indices (monthly mention
// indices and the small ones) and its index template. For tests that each run on their own prefix,
// and for tearing a deployment down.
import { Client } from '@elastic/elasticsearch';
import { translateEsError } from './es-errors.js';

export async function dropElasticsearchPrefix(options: { url: string; indexPrefix: string }): Promise<void> {
  const client = new Client({ node: options.url });
  try {
    const indices = await client.cat.indices({ index: `${options.indexPrefix}-*`, format: 'json' });
    for (const { index } of indices) if (index) await client.indices.delete({ index }, { ignore: [404] });
    await client.indices.deleteIndexTemplate({ name: `${options.indexPrefix}-mentions` }, { ignore: [404] });
  } catch (err) {
    throw translateEsError(err, 'drop indices');
  } finally {
    await client.close();
  }
}

// `earshot store refold` as an operator runs it after upgrading, on a real Elasticsearch: a mention
// indexed before the store wrote folded copies is found by "tõusid" but not "tousid"; after the
// command `earshot search tousid` finds it, and a second run has nothing left to fold. On the
// embedded store the command says there is nothing to do, without creating a file.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { sampleMention } from '@earshot/store/contract';
import { createElasticsearchStore, toMentionDocument, type ElasticsearchStore } from '@earshot/store/elasticsearch';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runEarshot } from './support/earshot-cli.js';

const url = inject('elasticsearchUrl');
const prefix = `refold${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'earshot-refold-'));
const configFile = (name: string, store: string) => {
  const file = join(dir, name);
  writeFileSync(file, `brands:\n  - { id: nordtel, name: Nordtel }\nstore: ${store}\n`);
  return file;
};
const found = async (config: string, words: string) => {
  const res = await runEarshot(['search', words, '--json', '--config', config]);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { mentions: { id: string }[] }).mentions.map((m) => m.id);
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!url)(`earshot store refold on Elasticsearch${url ? '' : ` (skipped: ${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`}`, () => {
  let store: ElasticsearchStore;
  const client = new Client({ node: url ?? 'http://127.0.0.1:9' });

  afterAll(async () => {
    await fetch(`${url}/${prefix}-*`, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${url}/_index_template/${prefix}-mentions`, { method: 'DELETE' }).catch(() => undefined);
    await store?.close();
    await client.close();
  });

  it('gives mentions indexed before folding their folded copies, once', async () => {
    store = createElasticsearchStore({ url, indexPrefix: prefix });
    await store.init();
    const old = sampleMention(1, { text: 'Nordtel: hinnad tõusid jälle' });
    // As an Earshot before folded copies wrote it: the same document, without `folded`.
    const { folded, ...document } = toMentionDocument(old);
    expect(folded).toEqual({ text: 'Nordtel: hinnad tousid jalle' });
    await client.index({ index: `${prefix}-mentions-${document['@timestamp'].slice(0, 7).replace('-', '.')}`, id: old.id, document, refresh: true });
    const config = configFile('es.yaml', `{ kind: elasticsearch, url: "${url}", indexPrefix: ${prefix} }`);
    expect(await found(config, 'tõusid')).toEqual([old.id]);
    expect(await found(config, 'tousid')).toEqual([]);

    const json = await runEarshot(['store', 'refold', '--json', '--config', config]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      indices: [{ index: expect.stringMatching(new RegExp(`^${prefix}-mentions-\\d{4}\\.\\d{2}$`)), read: 1, refolded: 1, changedMeanwhile: 0 }],
    });
    expect(await found(config, 'tousid')).toEqual([old.id]);

    const again = await runEarshot(['store', 'refold', '--config', config]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('nothing to fold: every document has its folded copies or needs none\n');
  });
});

describe('earshot store refold on the embedded store', () => {
  it('says there is nothing to do, and creates no file', async () => {
    const path = join(dir, 'none.db');
    const res = await runEarshot(['store', 'refold', '--config', configFile('sqlite.yaml', `{ kind: sqlite, path: "${path}" }`)]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe("nothing to do: the embedded store folds a file's search text when it opens it\n");
    expect(existsSync(path)).toBe(false);
  });
});

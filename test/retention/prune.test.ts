// store.retention on a real Elasticsearch, as an operator uses it: mentions in three months (30
// months ago, 2 months ago, this month); `earshot store prune --dry-run` with `retention: 13mo`
// lists only the old month's index and deletes nothing; `earshot store prune` deletes it and
// leaves the other months' mentions searchable.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sampleMention } from '@earshot/store/contract';
import { createElasticsearchStore, type ElasticsearchStore } from '@earshot/store/elasticsearch';
import { runEarshot } from '../support/earshot-cli.js';

const url = inject('elasticsearchUrl');
const prefix = `ret${Date.now().toString(36)}`;

function monthsAgo(n: number): Date {
  const d = new Date();
  d.setUTCDate(15);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
}
const monthOf = (d: Date) => `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

describe.skipIf(!url)(`store.retention on Elasticsearch${url ? '' : ` (skipped: ${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`}`, () => {
  let store: ElasticsearchStore;

  afterAll(async () => {
    await fetch(`${url}/${prefix}-*`, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${url}/_index_template/${prefix}-mentions`, { method: 'DELETE' }).catch(() => undefined);
    await store?.close();
  });

  it('lists with --dry-run, then deletes only the months past retention', async () => {
    store = createElasticsearchStore({ url, indexPrefix: prefix });
    await store.init();
    const [old, recent, now] = [monthsAgo(30), monthsAgo(2), monthsAgo(0)];
    await store.upsertMentions([
      sampleMention(1, { publishedAt: old.toISOString() }),
      sampleMention(2, { publishedAt: old.toISOString() }),
      sampleMention(3, { publishedAt: recent.toISOString() }),
      sampleMention(4, { publishedAt: now.toISOString() }),
    ]);
    await store.refresh();
    const dir = mkdtempSync(join(tmpdir(), 'earshot-retention-'));
    const config = join(dir, 'earshot.yaml');
    writeFileSync(
      config,
      `brands:\n  - { id: nordtel, name: Nordtel }\nstore: { kind: elasticsearch, url: "${url}", indexPrefix: ${prefix}, retention: 13mo }\n`,
    );

    const dry = await runEarshot(['store', 'prune', '--dry-run', '--json', '--config', config]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      retention: '13mo',
      indices: [{ index: `${prefix}-mentions-${monthOf(old)}`, month: monthOf(old), documents: 2 }],
    });
    expect(await store.count({})).toBe(4);

    const human = await runEarshot(['store', 'prune', '--dry-run', '--config', config]);
    expect(human.stdout).toContain(`would delete ${prefix}-mentions-${monthOf(old)}  (${monthOf(old)}, 2 mentions)`);

    const real = await runEarshot(['store', 'prune', '--config', config]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain(`deleted ${prefix}-mentions-${monthOf(old)}`);
    const indices = (await (await fetch(`${url}/_cat/indices/${prefix}-mentions-*?format=json&h=index`)).json()) as { index: string }[];
    expect(indices.map((i) => i.index).sort()).toEqual([`${prefix}-mentions-${monthOf(recent)}`, `${prefix}-mentions-${monthOf(now)}`].sort());
    expect(await store.count({})).toBe(2);
    expect((await store.search({ limit: 10 })).mentions.map((m) => m.id).sort()).toEqual(['m0003', 'm0004']);

    const again = await runEarshot(['store', 'prune', '--dry-run', '--config', config]);
    expect(again.stdout).toContain('nothing older than 13mo');
  });

  it('refuses a store without retention, saying what to set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-retention-'));
    const config = join(dir, 'earshot.yaml');
    writeFileSync(config, `brands:\n  - { id: nordtel, name: Nordtel }\nstore: { kind: elasticsearch, url: "${url}", indexPrefix: ${prefix} }\n`);
    const res = await runEarshot(['store', 'prune', '--dry-run', '--config', config]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('store.retention');
  });
});

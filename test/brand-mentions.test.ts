// Issue 11, measured: our labelled fixture (test/fixtures/brand-mentions.ts) served over loopback
// HTTP, collected, enriched and stored by the real stages — once on the embedded backend, once on
// Kafka + Elasticsearch — then every stored mention scored against the labels. Prints precision and
// recall; checks how each mention was matched and that analysts can filter on it in the store.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropKafkaTopics } from '@earshot/bus/kafka';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import type { EnrichedMention } from '@earshot/schema';
import { configChecks } from '../services/earshot/src/config-checks.js';
import { createRuntime } from '../services/earshot/src/runtime.js';
import { isCollector } from '../services/earshot/src/stages.js';
import { ACME_APP_REVIEWS, BRANDS, MENTIONS, NORDTEL_PAGE_REVIEWS, appStoreJson, jsonFeed, labelledUrls, score } from './fixtures/brand-mentions.js';
import { runEarshot } from './support/earshot-cli.js';
import { startFeedServer, type FeedServer } from './support/feed-server.js';

const brokers = inject('kafkaBrokers');
const esUrl = inject('elasticsearchUrl');

function fixtureDoc(server: FeedServer, backend: Record<string, unknown>) {
  return {
    brands: BRANDS,
    sources: [
      // A review source type with one brand: about that brand by default.
      { id: 'acme-app', type: 'app-store', url: `${server.url}/acme-app.json`, brand: 'acme', allowPrivateNetwork: true },
      {
        id: 'nordtel-page',
        type: 'jsonfeed',
        url: `${server.url}/nordtel-reviews.json`,
        about: 'nordtel',
        exclude: 'вакансия OR vacancy',
        allowPrivateNetwork: true,
      },
      { id: 'mentions', type: 'jsonfeed', url: `${server.url}/mentions.json`, allowPrivateNetwork: true },
    ],
    collector: { userAgent: 'Earshot-test/1 (+https://earshot.invalid)' },
    ...backend,
  };
}

function fixtureConfig(server: FeedServer, backend: Record<string, unknown>) {
  return parseConfig(JSON.stringify(fixtureDoc(server, backend)), 'brand-mentions.yaml', { checks: configChecks() });
}

async function collectAndStore(config: ReturnType<typeof fixtureConfig>) {
  const runtime = await createRuntime({ config, logger: silentLogger(), stages: ['collector', 'enricher', 'indexer'], metrics: createMetrics() });
  const collector = runtime.services.find(isCollector)!;
  for (const s of runtime.services.filter((s) => s !== collector).reverse()) await s.start();
  const report = await collector.collectOnce();
  await runtime.drain({ timeoutMs: 120_000 });
  return { runtime, report };
}

function checkScoreAndLabels(mentions: EnrichedMention[], label: string) {
  const result = score(mentions);
  console.log(
    `[brand-mentions ${label}] expected ${result.expected}, found ${result.found}, correct ${result.truePositives}: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}${result.misses.length ? `; missed ${result.misses.join(', ')}` : ''}${result.falseAlarms.length ? `; false ${result.falseAlarms.join(', ')}` : ''}`,
  );
  expect(result.recall).toBeGreaterThanOrEqual(0.95);
  expect(result.precision).toBeGreaterThanOrEqual(0.97);
  const labels = labelledUrls();
  for (const m of mentions) {
    const item = labels.get(m.url);
    if (!item?.brands.includes(m.brandId) || item.brands.length > 1) continue;
    if (item.matchedBy) expect(m.matchedBy, `${m.url} matchedBy`).toBe(item.matchedBy);
    expect(m.brandAccount, `${m.url} brandAccount`).toBe(item.brandAccount);
  }
}

async function serveFixture(): Promise<FeedServer> {
  const server = await startFeedServer();
  server.set('/acme-app.json', appStoreJson(ACME_APP_REVIEWS), 'application/json');
  server.set('/nordtel-reviews.json', jsonFeed('nordtel-reviews', NORDTEL_PAGE_REVIEWS), 'application/feed+json');
  server.set('/mentions.json', jsonFeed('mentions', MENTIONS), 'application/feed+json');
  return server;
}

const OWNED = ACME_APP_REVIEWS.length + NORDTEL_PAGE_REVIEWS.filter((r) => r.brands.includes('nordtel')).length;

describe('every mention a user means, on the embedded backend', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await serveFixture();
  });
  afterAll(() => server.close());

  it('finds owned-source reviews, handles, hashtags and derived forms, and nothing sharing a prefix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-brands-'));
    const backend = { bus: { kind: 'embedded', path: join(dir, 'bus.db') }, store: { kind: 'sqlite', path: join(dir, 'earshot.db') } };
    const config = fixtureConfig(server, backend);
    const { runtime, report } = await collectAndStore(config);
    expect(report.failed).toBe(0);
    const { mentions } = await runtime.store.search({ limit: 1000 });
    checkScoreAndLabels(mentions, 'embedded');
    expect(await runtime.store.count({ matchedBy: 'owned-source' })).toBe(OWNED);
    expect((await runtime.store.search({ brandAccount: 'by-brand' })).mentions.map((m) => m.url)).toEqual(
      expect.arrayContaining(['https://mentions.example/e5', 'https://mentions.example/e6']),
    );
    await runtime.stop();
    // What an analyst types: the reviews that never name the brand, from the command line.
    const file = join(dir, 'earshot.yaml');
    writeFileSync(file, JSON.stringify(fixtureDoc(server, backend)));
    const cli = await runEarshot(['search', '--matched-by', 'owned-source', '--brand', 'acme', '--json', '--limit', '100', '--config', file]);
    expect(cli.code, cli.stderr).toBe(0);
    expect((JSON.parse(cli.stdout) as { total: number }).total).toBe(ACME_APP_REVIEWS.length);
  });
});

if (!brokers || !esUrl) {
  it.skip(`every mention a user means on kafka + elasticsearch (${inject('serversUnavailable') || 'KAFKA_BROKERS / ELASTICSEARCH_URL not set'})`, () => {});
} else {
  describe('every mention a user means, on kafka + elasticsearch', () => {
    const run = `brands${Date.now().toString(36)}`;
    let server: FeedServer;
    beforeAll(async () => {
      server = await serveFixture();
    });
    afterAll(async () => {
      await server.close();
      await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: `${run}.` }).catch(() => {});
      const indices = (await (await fetch(`${esUrl}/_cat/indices/${run}-*?format=json&h=index`)).json()) as { index: string }[];
      for (const { index } of indices) await fetch(`${esUrl}/${index}`, { method: 'DELETE' });
      await fetch(`${esUrl}/_index_template/${run}-mentions`, { method: 'DELETE' });
    });

    it('stores the same mentions in Elasticsearch, filterable by how they were matched', async () => {
      const config = fixtureConfig(server, {
        bus: { kind: 'kafka', brokers: brokers.split(','), topicPrefix: `${run}.`, partitions: 2, clientId: 'earshot-brands-test' },
        store: { kind: 'elasticsearch', url: esUrl, indexPrefix: run },
      });
      const { runtime, report } = await collectAndStore(config);
      expect(report.failed).toBe(0);
      const expected = score([]).expected;
      let mentions: EnrichedMention[] = [];
      for (let i = 0; i < 300 && mentions.length < expected; i++) {
        // up to a minute on a busy machine
        mentions = (await runtime.store.search({ limit: 1000 })).mentions;
        if (mentions.length < expected) await new Promise((r) => setTimeout(r, 200));
      }
      checkScoreAndLabels(mentions, 'kafka+elasticsearch');
      expect(await runtime.store.count({ matchedBy: 'owned-source' })).toBe(OWNED);
      expect(await runtime.store.count({ matchedBy: 'handle', brandId: 'nordtel' })).toBe(
        MENTIONS.filter((m) => m.matchedBy === 'handle' && m.brands.includes('nordtel')).length,
      );
      await runtime.stop();
    });
  });
}

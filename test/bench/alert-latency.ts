// Benchmark (not a test): how long from a triggering negative mention entering the bus to the
// webhook receiving the alert. Enriched mentions are published straight to mentions.enriched (and mentions.by-brand) at a
// steady rate (the enricher is not part of this measurement); the indexer, alerter and notifier run
// for real; each round injects a negative burst on its own brand, and the time is taken from the
// publish of the mention that crosses the threshold to the signed POST arriving on loopback.
//
//   npm run bench -- alert-latency [--rounds 40] [--rate 200] [--gap 250]
// Runs on the embedded backend always, and on Kafka + Elasticsearch when KAFKA_BROKERS and
// ELASTICSEARCH_URL are set (with throwaway topic and index prefixes).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAlerter } from '@earshot/alerter';
import type { Bus } from '@earshot/bus';
import { createKafkaBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { parseConfig } from '@earshot/config';
import { sleep } from '@earshot/core';
import { createIndexer } from '@earshot/indexer';
import { createNotifier } from '@earshot/notifier';
import { createMetrics, silentLogger, type Service } from '@earshot/observability';
import { encodeMessage, TOPICS, type EnrichedMention, type SentimentLabel } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { createElasticsearchStore } from '@earshot/store/elasticsearch';
import { printTable, writeResults } from './results.js';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '40' }, rate: { type: 'string', default: '200' }, gap: { type: 'string', default: '250' } },
});
const ROUNDS = Number(args.rounds);
const RATE = Number(args.rate);
const GAP_MS = Number(args.gap);
const THRESHOLD = 5;
const STEADY_BRANDS = 8;

interface Backend {
  name: string;
  bus: Bus;
  store: MentionStore;
  cleanup(): Promise<void>;
}

interface Result {
  backend: string;
  rounds: number;
  received: number;
  p50Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  steadyPerSecond: number;
  latenciesMs?: number[];
  skipped?: string;
}

function mention(id: string, brandId: string, sentiment: SentimentLabel): EnrichedMention {
  const now = new Date().toISOString();
  return {
    id,
    brandId,
    sourceId: 'bench',
    sourceType: 'rss',
    url: `https://bench.example.org/${id}`,
    title: `Bench ${id}`,
    text: sentiment === 'negative' ? "Don't buy it, support never answers." : 'Works fine.',
    publishedAt: now,
    collectedAt: now,
    nlp: {
      lang: 'en',
      sentiment: { label: sentiment, score: sentiment === 'negative' ? -0.8 : 0.4 },
      topics: [],
      signals: { warning: false, recommendation: false, phrases: [] },
      enrichedAt: now,
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function measure(backend: Backend): Promise<Result> {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const at = performance.now();
      const brand = (JSON.parse(body) as { alert?: { brandId?: string } }).alert?.brandId;
      if (brand && !received.has(brand)) received.set(brand, at);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const burstBrands = Array.from({ length: ROUNDS }, (_, i) => `burst-${String(i).padStart(3, '0')}`);
  const steadyBrands = Array.from({ length: STEADY_BRANDS }, (_, i) => `steady-${i}`);
  const config = parseConfig(
    JSON.stringify({
      brands: [...steadyBrands, ...burstBrands].map((id) => ({ id, name: id })),
      rules: [{ id: 'neg', type: 'threshold', brand: 'all', count: THRESHOLD, window: '10m' }],
      channels: [{ id: 'hook', type: 'webhook', url: `http://127.0.0.1:${port}/hook`, secret: 'bench-secret', allowPrivateNetwork: true }],
      subscriptions: [{ channel: 'hook', brand: burstBrands }],
    }),
    join(tmpdir(), 'bench.yaml'),
  );
  const deps = { config, bus: backend.bus, store: backend.store, logger: silentLogger(), metrics: createMetrics() };
  await backend.store.init();
  await backend.bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: 4 })));
  const services: Service[] = [createIndexer(deps), createAlerter(deps), createNotifier(deps)];
  for (const s of services) await s.start();

  // As the enricher does: keyed by id for the indexer, by brand for the alerter.
  const publishAll = async (ms: EnrichedMention[]) => {
    await backend.bus.publish(
      TOPICS.enriched,
      ms.map((m) => ({ key: m.id, value: encodeMessage('mention.enriched', m) })),
    );
    await backend.bus.publish(
      TOPICS.byBrand,
      ms.map((m) => ({ key: m.brandId, value: encodeMessage('mention.enriched', m) })),
    );
  };
  const publish = (m: EnrichedMention) => publishAll([m]);
  // Warm-up: every consumer has joined and caught up, and every brand has been seen once (on Kafka an
  // alerter warm-starts a brand from the store when it first receives it), before anything is timed.
  for (const brand of [...steadyBrands, ...burstBrands]) await publish(mention(`warmup-${brand}`, brand, 'neutral'));
  await waitFor(
    async () => (await backend.bus.lag('earshot-alerter', TOPICS.byBrand)) === 0 && (await backend.bus.lag('earshot-indexer', TOPICS.enriched)) === 0,
    120_000,
    'consumers to join',
  );
  await backend.bus.publish(TOPICS.alerts, [
    {
      key: 'warmup',
      value: encodeMessage('alert', {
        key: 'warmup',
        ruleId: 'neg',
        ruleType: 'threshold',
        brandId: steadyBrands[0]!,
        severity: 'info',
        state: 'resolved',
        revision: 1,
        title: 'warm-up',
        summary: 'warm-up',
        windowStart: new Date().toISOString(),
        windowEnd: new Date().toISOString(),
        openedAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        count: 0,
        samples: [],
      }),
    },
  ]);
  await waitFor(async () => (await backend.bus.lag('earshot-notifier', TOPICS.alerts)) === 0, 120_000, 'notifier to join');

  let steadySent = 0;
  let stopSteady = false;
  const steadyStarted = performance.now();
  const steady = (async () => {
    const tickMs = 20;
    const perTick = Math.max(1, Math.round((RATE * tickMs) / 1000));
    while (!stopSteady) {
      const batch = Array.from({ length: perTick }, () => {
        const n = steadySent++;
        // Neutral and positive chatter: every mention is evaluated, none crosses the threshold.
        return mention(`s${n}`, steadyBrands[n % STEADY_BRANDS]!, n % 2 ? 'positive' : 'neutral');
      });
      await publishAll(batch);
      await sleep(tickMs);
    }
  })();

  const sentAt = new Map<string, number>();
  for (const brand of burstBrands) {
    for (let i = 1; i < THRESHOLD; i++) await publish(mention(`${brand}-${i}`, brand, 'negative'));
    await sleep(GAP_MS / 2);
    const trigger = mention(`${brand}-${THRESHOLD}`, brand, 'negative');
    sentAt.set(brand, performance.now());
    await publish(trigger);
    await sleep(GAP_MS / 2);
  }
  await waitFor(async () => received.size >= burstBrands.length, 30_000, 'all webhooks').catch(() => {});
  stopSteady = true;
  await steady;
  const steadyPerSecond = Math.round(steadySent / ((performance.now() - steadyStarted) / 1000));
  for (const s of [...services].reverse()) await s.stop();
  server.close();

  const latencies = burstBrands.flatMap((b) => (received.has(b) ? [received.get(b)! - sentAt.get(b)!] : [])).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    backend: backend.name,
    rounds: ROUNDS,
    received: latencies.length,
    ...(latencies.length ? { p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), maxMs: round(latencies.at(-1)!) } : {}),
    steadyPerSecond,
    latenciesMs: burstBrands.map((b) => (received.has(b) ? round(received.get(b)! - sentAt.get(b)!) : -1)),
  };
}

function embedded(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-alert-'));
  const bus = createEmbeddedBus({ path: join(dir, 'bus.db') });
  const store = createSqliteStore({ path: join(dir, 'store.db') });
  return {
    name: 'embedded (SQLite bus + SQLite store)',
    bus,
    store,
    cleanup: async () => {
      await bus.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function distributed(brokers: string, esUrl: string): Backend {
  const run = `bench-${Date.now()}`;
  const bus = createKafkaBus({ brokers: brokers.split(','), clientId: 'earshot-bench', topicPrefix: `${run}.`, partitions: 4 });
  const store = createElasticsearchStore({ url: esUrl, indexPrefix: run });
  return {
    name: 'kafka + elasticsearch',
    bus,
    store,
    cleanup: async () => {
      await bus.close();
      await store.close();
      await dropRun(run, brokers.split(','), esUrl);
    },
  };
}

/**
 * Deletes this run's throwaway topics and indices, so benchmarks leave a shared broker and cluster as
 * they found them (the store port has no delete: Elasticsearch's REST API is called directly).
 */
async function dropRun(run: string, brokers: string[], esUrl: string) {
  await dropKafkaTopics({ brokers, topicPrefix: `${run}.` });
  const json = async (path: string) => (await fetch(`${esUrl}${path}`)).json() as Promise<unknown>;
  const indices = (await json(`/_cat/indices/${run}-*?format=json&h=index`)) as { index: string }[];
  for (const { index } of indices) await fetch(`${esUrl}/${index}`, { method: 'DELETE' });
  const templates = (await json(`/_index_template/${run}-*`)) as { index_templates?: { name: string }[] };
  for (const { name } of templates.index_templates ?? []) await fetch(`${esUrl}/_index_template/${name}`, { method: 'DELETE' });
}

const results: Result[] = [];
const kafka = process.env.KAFKA_BROKERS;
const es = process.env.ELASTICSEARCH_URL;
const backends: (() => Backend)[] = [embedded];
if (kafka && es) backends.push(() => distributed(kafka, es));

process.stdout.write(
  `alert latency: ${ROUNDS} bursts of ${THRESHOLD} negative mentions (threshold rule), ${RATE}/s steady neutral/positive background.\n` +
    'Mentions are published directly to mentions.enriched and mentions.by-brand (the enricher is not measured); indexer, alerter and notifier run for real.\n' +
    'Every brand is seen once during the warm-up, so this is steady-state latency (not a brand’s first sighting).\n' +
    'Latency = publish of the triggering mention → webhook POST received on loopback.\n\n',
);
for (const make of backends) {
  const backend = make();
  try {
    results.push(await measure(backend));
  } catch (err) {
    results.push({ backend: backend.name, rounds: ROUNDS, received: 0, steadyPerSecond: 0, skipped: `failed: ${(err as Error).message}` });
  } finally {
    await backend.cleanup().catch(() => {});
  }
}
if (!(kafka && es))
  results.push({ backend: 'kafka + elasticsearch', rounds: 0, received: 0, steadyPerSecond: 0, skipped: 'set KAFKA_BROKERS and ELASTICSEARCH_URL to run it' });

printTable(
  results.map((r) => ({
    backend: r.backend,
    bursts: r.rounds,
    'alerts received': r.received,
    'p50 ms': r.p50Ms ?? '-',
    'p99 ms': r.p99Ms ?? '-',
    'max ms': r.maxMs ?? '-',
    'steady mentions/s': r.steadyPerSecond || '-',
    note: r.skipped ?? '',
  })),
);
writeResults('alert-latency', {
  at: new Date().toISOString(),
  rounds: ROUNDS,
  rate: RATE,
  threshold: THRESHOLD,
  measured: 'publish of triggering mention to mentions.enriched + mentions.by-brand → webhook received',
  stages: ['indexer', 'alerter', 'notifier'],
  results,
});
process.exit(0);

// Benchmark (not a test): mentions through Kafka → enricher → Kafka → indexer → Elasticsearch, the
// real stages in this process on the real adapters, next to the raw bulk-indexing rate of the same
// Elasticsearch measured in the same run, so the pipeline's overhead shows as a ratio.
//   1. raw bulk: the same number of mention documents POSTed to _bulk directly (1,000 a request,
//      3 requests in flight), into an index made from Earshot's own template;
//   2. throughput: N raw mentions waiting on mentions.raw (published first, timed apart), then the
//      stages start; sustained rate = N / (last mention written − stages started);
//   3. latency: N/10 more at half that rate; end-to-end latency = from the publish of a mention to
//      Elasticsearch acknowledging its bulk write (before the ≤1 s refresh that makes it searchable).
//
//   npm run bench -- pipeline [--mentions 100000] [--partitions 6] [--client platformatic|kafkajs]
//                             [--concurrency 3] [--min-bytes 1] [--max-wait 1000]   (consumer tuning)
// Needs KAFKA_BROKERS and ELASTICSEARCH_URL (default: the local stack, 127.0.0.1:9092 / :9200).
// Topics and indices get a throw-away prefix and are deleted at the end.
import { parseArgs } from 'node:util';
import type { Bus } from '@earshot/bus';
import { createKafkaClientBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { parseConfig } from '@earshot/config';
import { createEnricher } from '@earshot/enricher';
import { createIndexer } from '@earshot/indexer';
import { createMetrics, silentLogger, type Service } from '@earshot/observability';
import { encodeMessage, mentionId, TOPICS, type EnrichedMention, type RawMention } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createElasticsearchStore, mentionIndexFor, toMentionDocument } from '@earshot/store/elasticsearch';
import { printTable, writeResults } from './results.js';
import { BROKERS, ES_URL, kafkaClientArg } from './support/servers.js';

const { values: args } = parseArgs({
  options: {
    mentions: { type: 'string', default: '100000' },
    partitions: { type: 'string', default: '6' },
    client: { type: 'string', default: 'platformatic' },
    concurrency: { type: 'string' },
    'min-bytes': { type: 'string' },
    'max-wait': { type: 'string' },
  },
});
const N = Number(args.mentions);
const PARTITIONS = Number(args.partitions);
const CLIENT = kafkaClientArg(args.client);
const PREFIX = `bench${Date.now().toString(36)}`;
const BRANDS = ['nordtel', 'tundra', 'acme', 'globex', 'initech', 'umbrella'];
const SENTENCES = [
  'The new tariff is far too expensive and support never answered my calls.',
  'Great service today, the engineer was quick and friendly. Highly recommend.',
  'Снова задержали доставку роутера, поддержка молчит. Не берите их тариф.',
  'Қызметі жақсы, жеткізу өте жылдам болды, рахмет.',
  'העלו את המחיר שוב והשירות איטי מאוד.',
  'Klienditeenindus vastas kiiresti ja hind on õiglane.',
];
const log = (line: string) => process.stdout.write(`${line}\n`);

function rawMention(i: number, at: Date): RawMention {
  const brandId = BRANDS[i % BRANDS.length]!;
  return {
    id: mentionId({ brandId, sourceId: 'bench-feed', itemId: `bench-${i}` }),
    brandId,
    sourceId: 'bench-feed',
    sourceType: 'rss',
    url: `https://bench.example.org/items/${i}`,
    title: `Report ${i} about ${brandId}`,
    text: `${SENTENCES[i % SENTENCES.length]} Item ${i}.`,
    author: `author-${i % 97}`,
    publishedAt: at.toISOString(),
    collectedAt: at.toISOString(),
  };
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function es(path: string, init: { method?: string; body?: string; ndjson?: boolean } = {}): Promise<unknown> {
  const res = await fetch(`${ES_URL}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { 'content-type': init.ndjson ? 'application/x-ndjson' : 'application/json' },
    body: init.body,
  });
  const body = (await res.json()) as unknown;
  if (!res.ok && res.status !== 404) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Phase 1: the raw _bulk rate of this Elasticsearch for the same documents. */
async function rawBulkRate(prefix: string): Promise<number> {
  const template = createElasticsearchStore({ url: ES_URL, indexPrefix: prefix });
  await template.init();
  await template.close();
  const at = new Date();
  const lines = (from: number, to: number) => {
    const out: string[] = [];
    for (let i = from; i < to; i++) {
      const raw = rawMention(i, at);
      const doc: EnrichedMention = {
        ...raw,
        nlp: {
          lang: 'en',
          sentiment: { label: 'negative', score: -0.5 },
          topics: [{ topic: 'price', sentiment: { label: 'negative', score: -0.5 } }],
          signals: { warning: true, recommendation: false, phrases: ["don't buy"] },
          enrichedAt: at.toISOString(),
        },
      };
      out.push(JSON.stringify({ index: { _index: mentionIndexFor(prefix, doc), _id: doc.id } }), JSON.stringify(toMentionDocument(doc)));
    }
    return `${out.join('\n')}\n`;
  };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const from = next;
      next = Math.min(N, next + 1000);
      const result = (await es('/_bulk', { body: lines(from, next), ndjson: true })) as { errors: boolean };
      if (result.errors) throw new Error('raw bulk: Elasticsearch refused documents');
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return N / ((performance.now() - started) / 1000);
}

/** Records when each mention's bulk write was acknowledged. */
function timedStore(store: MentionStore, written: Map<string, number>): MentionStore {
  return {
    ...store,
    async upsertMentions(mentions) {
      const result = await store.upsertMentions(mentions);
      const now = Date.now();
      for (const m of mentions) if (!written.has(m.id)) written.set(m.id, now);
      return result;
    },
  };
}

async function publishAll(bus: Bus, from: number, to: number, perSecond: number | undefined, sent: Map<string, number>): Promise<void> {
  const chunk = 500;
  const started = Date.now();
  for (let i = from; i < to; i += chunk) {
    if (perSecond) {
      const due = started + ((i - from) / perSecond) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    const at = new Date();
    const messages = [];
    for (let j = i; j < Math.min(to, i + chunk); j++) {
      const m = rawMention(j, at);
      sent.set(m.id, at.getTime());
      messages.push({ key: m.id, value: encodeMessage('mention.raw', m) });
    }
    await bus.publish(TOPICS.raw, messages);
  }
}

async function waitForWritten(written: Map<string, number>, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (written.size < count) {
    if (Date.now() > deadline) throw new Error(`only ${written.size} of ${count} mentions written after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stageBusySeconds(metrics: ReturnType<typeof createMetrics>): Promise<Record<string, number>> {
  const data = await metrics.batchSeconds.get();
  const out: Record<string, number> = {};
  for (const v of data.values) if (v.metricName === 'earshot_batch_duration_seconds_sum') out[String(v.labels.stage)] = v.value;
  return out;
}

async function cleanup(): Promise<void> {
  const indices = (await es(`/_cat/indices/${PREFIX}*?format=json&h=index`).catch(() => [])) as { index: string }[];
  for (const { index } of Array.isArray(indices) ? indices : []) await es(`/${index}`, { method: 'DELETE' });
  for (const name of [`${PREFIX}-mentions`, `${PREFIX}raw-mentions`]) await es(`/_index_template/${name}`, { method: 'DELETE' }).catch(() => undefined);
  await dropKafkaTopics({ brokers: BROKERS, topicPrefix: `${PREFIX}.` }).catch(() => undefined);
}

async function main(): Promise<void> {
  log(`pipeline benchmark: ${N} mentions, Kafka ${BROKERS.join(',')} (${CLIENT}, ${PARTITIONS} partitions), Elasticsearch ${ES_URL}`);
  const rawRate = await rawBulkRate(`${PREFIX}raw`);
  log(`raw _bulk: ${Math.round(rawRate)} docs/s`);

  const config = parseConfig(
    `logLevel: silent\nbrands:\n${BRANDS.map((b) => `  - { id: ${b}, name: ${b} }`).join('\n')}\nbus: { kind: kafka, client: ${CLIENT}, brokers: [${BROKERS.map((b) => `"${b}"`).join(', ')}], topicPrefix: "${PREFIX}.", partitions: ${PARTITIONS} }\nstore: { kind: elasticsearch, url: "${ES_URL}", indexPrefix: ${PREFIX} }\n`,
    'bench.yaml',
  );
  const consumer = {
    ...(args.concurrency ? { partitionsConsumedConcurrently: Number(args.concurrency) } : {}),
    ...(args['min-bytes'] ? { minBytes: Number(args['min-bytes']) } : {}),
    ...(args['max-wait'] ? { maxWaitTimeMs: Number(args['max-wait']) } : {}),
  };
  const bus = createKafkaClientBus(CLIENT, { brokers: BROKERS, clientId: 'earshot-bench', topicPrefix: `${PREFIX}.`, partitions: PARTITIONS, consumer });
  await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: PARTITIONS })));
  const store = createElasticsearchStore({ url: ES_URL, indexPrefix: PREFIX });
  await store.init();
  const written = new Map<string, number>();
  const sent = new Map<string, number>();
  const deps = { config, bus, store: timedStore(store, written), logger: silentLogger(), metrics: createMetrics() };
  const services: Service[] = [createIndexer(deps), createEnricher(deps)];

  try {
    const firstPublish = Date.now();
    await publishAll(bus, 0, N, undefined, sent);
    const publishSeconds = (Date.now() - firstPublish) / 1000;
    log(`published ${N} raw mentions in ${publishSeconds.toFixed(1)} s (${Math.round(N / publishSeconds)}/s)`);
    const started = Date.now();
    for (const s of services) await s.start();
    await waitForWritten(written, N, 30 * 60_000);
    const lastWrite = [...written.values()].reduce((a, b) => Math.max(a, b), 0);
    const sustained = N / ((lastWrite - started) / 1000);
    log(
      `throughput: all ${N} enriched and written ${((lastWrite - started) / 1000).toFixed(1)} s after the stages started: ${Math.round(sustained)} mentions/s`,
    );
    // Where the time goes: seconds each stage spent inside its batch handlers (both run in this
    // process, on one event loop, so their sum near the wall time means CPU-bound stages).
    const busy = await stageBusySeconds(deps.metrics);
    log(
      `busy in batch handlers: ${Object.entries(busy)
        .map(([stage, sec]) => `${stage} ${sec.toFixed(1)} s`)
        .join(', ')} of ${((lastWrite - started) / 1000).toFixed(1)} s wall`,
    );

    const latencyN = Math.max(1000, Math.round(N / 10));
    const rate = Math.max(50, Math.round(sustained / 2));
    const before = new Set(written.keys());
    await publishAll(bus, N, N + latencyN, rate, sent);
    await waitForWritten(written, N + latencyN, 10 * 60_000);
    const latencies = [...written]
      .filter(([id]) => !before.has(id))
      .map(([id, at]) => at - sent.get(id)!)
      .sort((a, b) => a - b);
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    log(`latency: ${latencyN} mentions at ${rate}/s: p50 ${p50} ms, p99 ${p99} ms`);

    const rows = [
      { measure: 'raw _bulk into the same Elasticsearch', 'mentions/s': Math.round(rawRate), 'p50 ms': '', 'p99 ms': '' },
      { measure: `pipeline sustained (${N} queued)`, 'mentions/s': Math.round(sustained), 'p50 ms': '', 'p99 ms': '' },
      { measure: `pipeline end-to-end (${latencyN} at ${rate}/s)`, 'mentions/s': rate, 'p50 ms': p50, 'p99 ms': p99 },
      { measure: 'pipeline / raw bulk', 'mentions/s': `${((sustained / rawRate) * 100).toFixed(1)}%`, 'p50 ms': '', 'p99 ms': '' },
    ];
    printTable(rows);
    writeResults('pipeline', {
      client: CLIENT,
      busySeconds: busy,
      mentions: N,
      partitions: PARTITIONS,
      consumer,
      publishPerSecond: N / publishSeconds,
      rawBulkPerSecond: rawRate,
      sustainedPerSecond: sustained,
      ratio: sustained / rawRate,
      latency: { mentions: latencyN, rate, p50Ms: p50, p99Ms: p99 },
    });
  } finally {
    for (const s of [...services].reverse()) await s.stop();
    await bus.close();
    await store.close();
    await cleanup();
  }
}

await main();

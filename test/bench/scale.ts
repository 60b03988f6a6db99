// Benchmark (not a test): does adding an enricher process help, and does it help when one brand
// makes all the noise? Real `earshot enricher` and `earshot indexer` processes on Kafka +
// Elasticsearch, as an operator runs them; for each workload (one brand / many brands) and each
// enricher count (1 / 2), a fresh topic prefix, the stages started and healthy, a warm-up of 300
// mentions stored (not timed), then N raw mentions published at once (keyed by mention id, as the collector does); throughput = N / (last mention
// in Elasticsearch − first publish). With brand keys, the one-brand workload could use only one
// enricher whatever the count; with mention-id keys both workloads should scale alike — up to
// what the machine's cores allow (the table shows how many this machine has). The last column,
// mentions each enricher process handled, shows the spread: with brand keys one enricher of the
// one-brand workload would have handled them all.
//
//   npm run bench -- scale [--mentions 20000] [--partitions 6] [--client platformatic|kafkajs]
// Needs KAFKA_BROKERS and ELASTICSEARCH_URL (default: the local stack, 127.0.0.1:9092 / :9200).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { createKafkaClientBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { sleep } from '@earshot/core';
import { encodeMessage, mentionId, TOPICS, type RawMention } from '@earshot/schema';
import { startEarshot } from '../support/earshot-cli.js';
import { printTable, writeResults } from './results.js';
import { BROKERS, ES_URL, kafkaClientArg } from './support/servers.js';

const { values: args } = parseArgs({
  options: {
    mentions: { type: 'string', default: '20000' },
    partitions: { type: 'string', default: '6' },
    client: { type: 'string', default: 'platformatic' },
  },
});
const N = Number(args.mentions);
const WARM_UP = 300;
const PARTITIONS = Number(args.partitions);
const CLIENT = kafkaClientArg(args.client);
const WORKLOADS = { 'one brand': ['nordtel'], 'many brands': Array.from({ length: 24 }, (_, i) => `brand${i}`) };
const SENTENCES = [
  'The new tariff is far too expensive and support never answered my calls.',
  'Great service today, the engineer was quick and friendly. Highly recommend.',
  'Снова задержали доставку роутера, поддержка молчит. Не берите их тариф.',
  'Klienditeenindus vastas kiiresti ja hind on õiglane.',
];
const log = (line: string) => process.stdout.write(`${line}\n`);

function rawMention(i: number, brands: string[], at: Date): RawMention {
  const brandId = brands[i % brands.length]!;
  return {
    id: mentionId({ brandId, sourceId: 'bench-feed', itemId: `bench-${i}` }),
    brandId,
    sourceId: 'bench-feed',
    sourceType: 'rss',
    url: `https://bench.example.org/items/${i}`,
    title: `Report ${i}`,
    text: `${SENTENCES[i % SENTENCES.length]} Item ${i}.`,
    publishedAt: at.toISOString(),
    collectedAt: at.toISOString(),
  };
}

async function esCount(prefix: string): Promise<number> {
  await fetch(`${ES_URL}/${prefix}-mentions-*/_refresh?ignore_unavailable=true&allow_no_indices=true`, { method: 'POST' });
  const res = await fetch(`${ES_URL}/${prefix}-mentions/_count?ignore_unavailable=true&allow_no_indices=true`);
  return ((await res.json()) as { count?: number }).count ?? 0;
}

async function startStage(name: string, config: string, port: number): Promise<ChildProcess> {
  const child = startEarshot([name, '--config', config, '--health-port', String(port)], { env: { LOG_LEVEL: 'warn' } });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 180_000;
  while (
    !(await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`earshot ${name} did not become healthy (exit ${child.exitCode}):\n${out}`);
    }
    await sleep(100);
  }
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function cleanup(prefix: string): Promise<void> {
  const res = await fetch(`${ES_URL}/_cat/indices/${prefix}-*?format=json&h=index`).catch(() => undefined);
  const indices = res?.ok ? ((await res.json()) as { index: string }[]) : [];
  for (const { index } of indices) await fetch(`${ES_URL}/${index}`, { method: 'DELETE' });
  await fetch(`${ES_URL}/_index_template/${prefix}-mentions`, { method: 'DELETE' }).catch(() => undefined);
  await dropKafkaTopics({ brokers: BROKERS, topicPrefix: `${prefix}.` }).catch(() => undefined);
}

interface Run {
  workload: string;
  brands: number;
  enrichers: number;
  seconds: number;
  perSecond: number;
  /** Mentions each enricher process handled (its /health `processed`), warm-up included. */
  shares: number[];
}

async function processed(port: number): Promise<number> {
  const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { details: { enricher?: { details?: { processed?: number } } } };
  return body.details.enricher?.details?.processed ?? 0;
}

async function measure(workload: string, brands: string[], enrichers: number, port: number): Promise<Run> {
  const prefix = `bscale${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-scale-'));
  const config = join(dir, 'earshot.yaml');
  writeFileSync(
    config,
    `logLevel: warn\nbrands:\n${brands.map((b) => `  - { id: ${b}, name: ${b} }`).join('\n')}
bus: { kind: kafka, client: ${CLIENT}, brokers: [${BROKERS.map((b) => `"${b}"`).join(', ')}], clientId: ${prefix}, topicPrefix: "${prefix}.", partitions: ${PARTITIONS} }
store: { kind: elasticsearch, url: "${ES_URL}", indexPrefix: ${prefix} }
`,
  );
  const bus = createKafkaClientBus(CLIENT, { brokers: BROKERS, clientId: 'earshot-bench-scale', topicPrefix: `${prefix}.`, partitions: PARTITIONS });
  const children: ChildProcess[] = [];
  try {
    await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: PARTITIONS })));
    children.push(await startStage('indexer', config, port));
    for (let e = 0; e < enrichers; e++) children.push(await startStage('enricher', config, port + 1 + e));
    const at = new Date();
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i += 1000) {
        const messages = [];
        for (let j = i; j < Math.min(to, i + 1000); j++) {
          const m = rawMention(j, brands, at);
          messages.push({ key: m.id, value: encodeMessage('mention.raw', m) });
        }
        await bus.publish(TOPICS.raw, messages);
      }
    };
    // Warm-up, not timed: every consumer has joined its group, been given partitions, and the
    // mention index exists.
    await sleep(10_000);
    await publish(N, N + WARM_UP);
    while ((await esCount(prefix)) < WARM_UP) await sleep(250);
    const started = performance.now();
    await publish(0, N);
    const deadline = Date.now() + 600_000;
    while ((await esCount(prefix)) < N + WARM_UP) {
      if (Date.now() > deadline) throw new Error(`${workload}, ${enrichers} enricher(s): not all ${N} mentions stored in 10 min`);
      await sleep(250);
    }
    const seconds = (performance.now() - started) / 1000;
    const shares = await Promise.all(Array.from({ length: enrichers }, (_, e) => processed(port + 1 + e)));
    return { workload, brands: brands.length, enrichers, seconds: Number(seconds.toFixed(1)), perSecond: Math.round(N / seconds), shares };
  } finally {
    for (const child of children) await stop(child);
    await bus.close();
    await cleanup(prefix);
  }
}

async function main(): Promise<void> {
  log(
    `scale benchmark: ${N} mentions per run, Kafka ${BROKERS.join(',')} (${CLIENT}, ${PARTITIONS} partitions), Elasticsearch ${ES_URL}, ${availableParallelism()} cores`,
  );
  const runs: Run[] = [];
  let port = 47_300;
  for (const [workload, brands] of Object.entries(WORKLOADS)) {
    for (const enrichers of [1, 2]) {
      const run = await measure(workload, brands, enrichers, port);
      port += 10;
      log(`${workload}, ${enrichers} enricher(s): ${run.perSecond} mentions/s`);
      runs.push(run);
    }
  }
  const rows = runs.map((r) => {
    const single = runs.find((o) => o.workload === r.workload && o.enrichers === 1)!;
    return {
      workload: r.workload,
      brands: r.brands,
      enrichers: r.enrichers,
      seconds: r.seconds,
      'mentions/s': r.perSecond,
      'vs 1 enricher': `${(r.perSecond / single.perSecond).toFixed(2)}x`,
      'mentions per enricher': r.shares.join(' / '),
    };
  });
  printTable(rows);
  writeResults('scale', {
    at: new Date().toISOString(),
    mentions: N,
    partitions: PARTITIONS,
    client: CLIENT,
    cores: availableParallelism(),
    measured: 'first raw publish → last mention in Elasticsearch; 1 indexer process; enricher processes as listed',
    runs,
  });
}

await main();

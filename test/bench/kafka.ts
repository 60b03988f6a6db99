// Benchmark (not a test): the two Kafka clients behind our bus port against the same broker in one
// run — produce in batches (publish() of 500) and one message per publish(), consume through
// subscribe(), then what the process spends per second while subscribed with nothing arriving (idle
// CPU: kafkajs' 1 ms timer loop, patches/kafkajs+2.2.4.patch) — and then the pipeline benchmark
// (pipeline.ts, its own process) on each client, for
// its ratio to raw _bulk measured in that same run. Prints one table, writes JSON.
//   npm run bench -- kafka [--messages 20000] [--single 1000] [--idle 5] [--mentions 10000] [--no-pipeline]
// Needs KAFKA_BROKERS and ELASTICSEARCH_URL (default: the local stack, 127.0.0.1:9092 / :9200).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { OutgoingMessage } from '@earshot/bus';
import { sleep } from '@earshot/core';
import { createKafkaClientBus, dropKafkaTopics, KAFKA_CLIENTS, type KafkaClient } from '@earshot/bus/kafka';
import { encodeMessage, mentionId } from '@earshot/schema';
import { printTable, writeResults } from './results.js';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    single: { type: 'string', default: '1000' },
    idle: { type: 'string', default: '5' },
    mentions: { type: 'string', default: '10000' },
    'no-pipeline': { type: 'boolean', default: false },
  },
});
const N = Number(args.messages);
const SINGLE = Number(args.single);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const PREFIX = `kbench${Date.now().toString(36)}.`;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** A raw-mention envelope, the size of what the collector publishes (ours, made up). */
function message(i: number): OutgoingMessage {
  const brandId = ['nordtel', 'tundra', 'acme'][i % 3]!;
  const at = new Date().toISOString();
  const value = encodeMessage('mention.raw', {
    id: mentionId({ brandId, sourceId: 'bench', itemId: String(i) }),
    brandId,
    sourceId: 'bench',
    sourceType: 'rss',
    url: `https://bench.example.org/${i}`,
    title: `Bench item ${i}`,
    text: `The new tariff is far too expensive and support never answered. Item ${i}. `.repeat(4),
    publishedAt: at,
    collectedAt: at,
  });
  return { key: brandId, value, headers: { 'content-type': 'application/json' } };
}

interface ClientFigures {
  client: KafkaClient;
  batchMsgs: number;
  batchMB: number;
  singleMsgs: number;
  consumeMsgs: number;
  consumeMB: number;
  /** Share of one core the process used while subscribed and idle. */
  idleCpu: number;
}

async function measure(client: KafkaClient): Promise<ClientFigures> {
  const bus = createKafkaClientBus(client, { brokers: BROKERS, clientId: 'earshot-bench', topicPrefix: PREFIX });
  const topic = `${client}.batch`;
  await bus.ensureTopics([
    { name: topic, partitions: 6 },
    { name: `${client}.single`, partitions: 6 },
  ]);
  const messages = Array.from({ length: N }, (_, i) => message(i));
  const bytes = messages.reduce((n, m) => n + m.value.length + m.key.length, 0);
  // Warm-up: connections, metadata, producer id.
  await bus.publish(`${client}.single`, [message(N)]);

  let t = performance.now();
  for (let i = 0; i < N; i += 500) await bus.publish(topic, messages.slice(i, i + 500));
  const batchSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  for (let i = 0; i < SINGLE; i++) await bus.publish(`${client}.single`, [messages[i]!]);
  const singleSeconds = (performance.now() - t) / 1000;

  let received = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  t = performance.now();
  const sub = await bus.subscribe({
    groupId: `${client}.reader`,
    topic,
    handler: async (batch) => {
      received += batch.length;
      if (received >= N) done();
    },
  });
  await all;
  const consumeSeconds = (performance.now() - t) / 1000;

  const cpu = process.cpuUsage();
  t = performance.now();
  await sleep(Number(args.idle) * 1000);
  const idleUsage = process.cpuUsage(cpu);
  const idleCpu = (idleUsage.user + idleUsage.system) / 1000 / (performance.now() - t);
  await sub.stop();
  await bus.close();
  const mb = bytes / 1024 / 1024;
  return {
    client,
    batchMsgs: N / batchSeconds,
    batchMB: mb / batchSeconds,
    singleMsgs: SINGLE / singleSeconds,
    consumeMsgs: N / consumeSeconds,
    consumeMB: mb / consumeSeconds,
    idleCpu,
  };
}

/** Runs pipeline.ts on one client in its own process and reads its results file. */
function pipeline(client: KafkaClient): Promise<{ rawBulkPerSecond: number; sustainedPerSecond: number; ratio: number }> {
  const file = fileURLToPath(new URL('./run.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, 'pipeline', '--client', client, '--mentions', args.mentions], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    child.on('exit', (code) => {
      const path = /results: (.*\.json)/.exec(out)?.[1];
      if (code !== 0 || !path) return reject(new Error(`pipeline benchmark on ${client} failed (exit ${code})`));
      resolve(JSON.parse(readFileSync(path, 'utf8')));
    });
  });
}

async function main(): Promise<void> {
  log(
    `kafka benchmark: ${N} messages (~${message(0).value.length} bytes) batch-produced, ${SINGLE} single-message publishes, consume via subscribe(), broker ${BROKERS.join(',')}`,
  );
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown>[] = [];
  try {
    for (const client of KAFKA_CLIENTS) {
      const f = await measure(client);
      log(
        `${client}: produce batch ${Math.round(f.batchMsgs)} msg/s, single ${Math.round(f.singleMsgs)} msg/s, consume ${Math.round(f.consumeMsgs)} msg/s, idle CPU ${(f.idleCpu * 100).toFixed(1)}%`,
      );
      const p = args['no-pipeline'] ? undefined : await pipeline(client);
      results.push({ ...f, pipeline: p });
      rows.push({
        client,
        'produce batch msg/s': Math.round(f.batchMsgs),
        'produce batch MB/s': f.batchMB.toFixed(1),
        'produce single msg/s': Math.round(f.singleMsgs),
        'consume msg/s': Math.round(f.consumeMsgs),
        'consume MB/s': f.consumeMB.toFixed(1),
        'idle CPU (subscribed)': `${(f.idleCpu * 100).toFixed(1)}%`,
        'pipeline mentions/s': p ? Math.round(p.sustainedPerSecond) : '',
        'raw _bulk docs/s': p ? Math.round(p.rawBulkPerSecond) : '',
        'pipeline / raw bulk': p ? `${(p.ratio * 100).toFixed(1)}%` : '',
      });
    }
    printTable(rows);
    writeResults('kafka', { brokers: BROKERS, messages: N, single: SINGLE, idleSeconds: Number(args.idle), results });
  } finally {
    await dropKafkaTopics({ brokers: BROKERS, topicPrefix: PREFIX }).catch(() => undefined);
  }
}

await main();

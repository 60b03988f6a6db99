// Shared by the distributed tests: where Kafka and Elasticsearch are, a config file on them with
// names unique to one test (with the test's own bus and clean-up, `useKafkaElasticsearch`), stage
// processes started the way an operator would (`earshot <stage>`), and plain-HTTP looks into
// Elasticsearch (what is really stored, not what our adapter says).
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Bus } from '@earshot/bus';
import { createKafkaClientBus, describeKafkaGroup, dropKafkaTopics, type KafkaClient } from '@earshot/bus/kafka';
import { TOPICS } from '@earshot/schema';
import { startEarshot } from '../support/earshot-cli.js';

export interface Servers {
  brokers: string;
  esUrl: string;
}

/** The servers, or why the tests skip (the global setup fails the run under CI=true instead). */
export function servers(): Servers | { skip: string } {
  const brokers = inject('kafkaBrokers');
  const esUrl = inject('elasticsearchUrl');
  if (!brokers || !esUrl) return { skip: inject('serversUnavailable') || 'KAFKA_BROKERS / ELASTICSEARCH_URL not set' };
  return { brokers, esUrl: esUrl.replace(/\/$/, '') };
}

export function uniquePrefix(name: string): string {
  return `${name}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A config on Kafka + Elasticsearch, topics and indices under `prefix`. `body` holds brands/sources. */
export function writeDistributedConfig(
  dir: string,
  options: { prefix: string; client: KafkaClient; servers: Servers; body: string; partitions?: number },
): string {
  const file = join(dir, 'earshot.yaml');
  writeFileSync(
    file,
    `${options.body.trim()}
bus: { kind: kafka, client: ${options.client}, brokers: ["${options.servers.brokers.split(',').join('", "')}"], clientId: ${options.prefix}, topicPrefix: "${options.prefix}.", partitions: ${options.partitions ?? 3} }
store: { kind: elasticsearch, url: "${options.servers.esUrl}", indexPrefix: ${options.prefix} }
`,
  );
  return file;
}

export interface KafkaElasticsearchOptions {
  prefix: string;
  client: KafkaClient;
  servers: Servers;
  /** Brands, sources, log level: the config above its bus and store. */
  body: string;
  /** The Kafka client id of the test's own bus. */
  clientId: string;
  partitions?: number;
}

export interface KafkaElasticsearchScene {
  /** The config file on Kafka + Elasticsearch under the prefix (written before the tests). */
  readonly config: string;
  /** The test's own bus on the prefix's topics, every topic created. */
  readonly bus: Bus;
  /** Starts `earshot <name>` on the config; whatever still runs is SIGKILLed after the tests. */
  start(name: string): Promise<StageProcess>;
}

/**
 * For one describe block: before its tests, a config on Kafka + Elasticsearch under `prefix` and a
 * bus of the test's own with every topic created; after them, the stages it started SIGKILLed, the
 * bus closed and the prefix's indices and topics dropped.
 */
export function useKafkaElasticsearch(options: KafkaElasticsearchOptions): KafkaElasticsearchScene {
  const { prefix, client, servers: s, partitions = 3 } = options;
  let config: string | undefined;
  let bus: Bus | undefined;
  const stages: StageProcess[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Kafka + Elasticsearch scene is set up in beforeAll: use it inside a test');
    return value;
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), `earshot-${prefix}-`));
    config = writeDistributedConfig(dir, { prefix, client, servers: s, body: options.body, partitions });
    bus = createKafkaClientBus(client, { brokers: s.brokers.split(','), clientId: options.clientId, topicPrefix: `${prefix}.` });
    await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions })));
  });

  afterAll(async () => {
    for (const stage of stages) await stopStage(stage, 'SIGKILL');
    await bus?.close();
    await dropPrefix(s, prefix);
  });

  return {
    get config() {
      return ready(config);
    },
    get bus() {
      return ready(bus);
    },
    async start(name) {
      const stage = await startStage(name, ready(config));
      stages.push(stage);
      return stage;
    },
  };
}

export interface StageProcess {
  name: string;
  child: ChildProcess;
  healthUrl: string;
  /** The tail of what it printed (logs at warn and above), for failure messages. */
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `earshot <stage> --config … --health-port N` and waits (60 s unless told) until /health answers. */
export async function startStage(name: string, config: string, env: Record<string, string> = {}, startupMs = 60_000): Promise<StageProcess> {
  const port = await freePort();
  const child = startEarshot([name, '--config', config, '--health-port', String(port)], {
    env: { LOG_LEVEL: process.env.EARSHOT_STAGE_LOG_LEVEL ?? 'warn', ...env },
  });
  let out = '';
  // EARSHOT_STAGE_LOG_DIR keeps all each stage printed, for a failure its tail does not explain
  // (EARSHOT_STAGE_LOG_LEVEL=debug makes them say more).
  const logDir = process.env.EARSHOT_STAGE_LOG_DIR;
  const log = logDir ? createWriteStream(join(logDir, `${name}-${port}.log`)) : undefined;
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
    log?.write(d);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => log?.end());
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stage: StageProcess = { name, child, healthUrl: `http://127.0.0.1:${port}`, output: () => out, exited };
  const deadline = Date.now() + startupMs;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`earshot ${name} exited during startup:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`earshot ${name} did not answer /health within ${startupMs / 1000} s:\n${out}`);
    }
    const ok = await fetch(`${stage.healthUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return stage;
    await sleep(100);
  }
}

export async function stopStage(stage: StageProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (stage.child.exitCode === null && stage.child.signalCode === null) stage.child.kill(signal);
  return stage.exited;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` gives a value; a probe that throws (a server restarting) counts as "not yet". */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    }
    await sleep(everyMs);
  }
}

async function es<T>(url: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json' },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const body = (await res.json()) as T;
  if (!res.ok && res.status !== 404) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Documents in the prefix's mention alias right now (after a refresh, so nothing written is hidden). */
export async function esCount(url: string, prefix: string): Promise<number> {
  await es(url, `/${prefix}-mentions-*/_refresh?ignore_unavailable=true&allow_no_indices=true`, { method: 'POST' });
  const body = await es<{ count?: number }>(url, `/${prefix}-mentions/_count?ignore_unavailable=true&allow_no_indices=true`);
  return body.count ?? 0;
}

export interface StoredHit<T> {
  _id: string;
  _index: string;
  _source: T;
}

/** Every mention document under the prefix (up to 10,000), with the fields asked for. */
export async function esDocuments<T>(url: string, prefix: string, fields: string[]): Promise<StoredHit<T>[]> {
  await es(url, `/${prefix}-mentions-*/_refresh?ignore_unavailable=true&allow_no_indices=true`, { method: 'POST' });
  const body = await es<{ hits: { hits: StoredHit<T>[] } }>(url, `/${prefix}-mentions/_search`, {
    body: { size: 10_000, _source: fields, query: { match_all: {} }, sort: ['_doc'] },
  });
  return body.hits.hits;
}

/** Removes the prefix's indices, template and Kafka topics. */
export async function dropPrefix(s: Servers, prefix: string): Promise<void> {
  const indices = await es<{ index: string }[]>(s.esUrl, `/_cat/indices/${prefix}-*?format=json&h=index`).catch(() => []);
  for (const { index } of Array.isArray(indices) ? indices : []) await es(s.esUrl, `/${index}`, { method: 'DELETE' });
  await es(s.esUrl, `/_index_template/${prefix}-mentions`, { method: 'DELETE' }).catch(() => undefined);
  await dropKafkaTopics({ brokers: s.brokers.split(','), topicPrefix: `${prefix}.` }).catch(() => undefined);
}

/** What a consumer group is doing on a topic, one line for a failure message (never throws). */
export async function groupReport(s: Servers, prefix: string, groupId: string, topic: string): Promise<string> {
  try {
    const g = await describeKafkaGroup({ brokers: s.brokers.split(','), groupId: `${prefix}.${groupId}`, topic: `${prefix}.${topic}` });
    const partitions = g.partitions.map((p) => `p${p.partition} end ${p.end} committed ${p.committed ?? '-'}`).join(', ');
    const members = g.members.map((m) => `${m.clientId}@${m.host} ${m.partitions ? `[${m.partitions.join(',')}]` : '(assignment unreadable)'}`);
    return `${groupId} on ${topic} (${g.state}): ${partitions}; members: ${members.join(' | ') || 'none'}`;
  } catch (err) {
    return `${groupId} on ${topic}: no report (${(err as Error).message})`;
  }
}

// The distributed pipeline end to end, each stage its own process as an operator runs it:
// demo feeds → `earshot collector` → Kafka → `earshot enricher` → Kafka → `earshot indexer` →
// Elasticsearch. The documents found in Elasticsearch must be exactly the demo's mentions: the ids
// the embedded backend gives the same feeds (and mentionId gives the feed's guids), with brand,
// language, sentiment and topics as the analyzer, run here in-process, says.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaClientBus, KAFKA_CLIENTS } from '@earshot/bus/kafka';
import { enrichMention } from '@earshot/enricher';
import { createAnalyzer } from '@earshot/nlp';
import { mentionId, type EnrichedMention } from '@earshot/schema';
import { startDemoServer, type DemoServer } from '../../services/earshot/src/demo-server.js';
import { REPO_ROOT, runEarshot } from '../support/earshot-cli.js';
import {
  dropPrefix,
  esCount,
  esDocuments,
  servers,
  sleep,
  startStage,
  stopStage,
  uniquePrefix,
  waitFor,
  writeDistributedConfig,
  type StageProcess,
} from './support.js';

const found = servers();

interface StoredMention {
  id: string;
  brandId: string;
  sourceId: string;
  lang: string;
  sentiment: string;
  topics: string[];
  doc: EnrichedMention;
}

/** The brands, sources and rules of the demo config (not its API, demo server or backend), pointed at our demo server. */
function demoBody(port: number): string {
  const demo = readFileSync(join(REPO_ROOT, 'demo/earshot.demo.yaml'), 'utf8').replaceAll('127.0.0.1:4780', `127.0.0.1:${port}`);
  const end = Math.min(...['\napi:', '\ndemo:', '\nbus:'].map((key) => demo.indexOf(key)).filter((i) => i >= 0));
  return demo.slice(0, end).replace(/^logLevel: .*$/m, 'logLevel: warn');
}

/** What the embedded backend stores for the same feeds: the reference set of mentions. */
async function referenceMentions(dir: string, body: string): Promise<{ id: string; brandId: string; sourceId: string }[]> {
  const file = join(dir, 'reference.yaml');
  writeFileSync(file, `${body}\nbus: { kind: embedded, path: "${join(dir, 'bus.db')}" }\nstore: { kind: sqlite, path: "${join(dir, 'ref.db')}" }\n`);
  const run = await runEarshot(['run', '--once', '--json', '--config', file], { env: { EARSHOT_BUS: 'embedded', EARSHOT_STORE: 'sqlite' } });
  expect(run.code, run.stderr).toBe(0);
  const db = new Database(join(dir, 'ref.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, brand_id AS brandId, source_id AS sourceId FROM mentions ORDER BY id').all() as {
      id: string;
      brandId: string;
      sourceId: string;
    }[];
  } finally {
    db.close();
  }
}

describe.skipIf('skip' in found).each(KAFKA_CLIENTS)(`distributed pipeline end to end (%s)${'skip' in found ? ` (skipped: ${found.skip})` : ''}`, (client) => {
  const prefix = uniquePrefix(`e2e${client.slice(0, 2)}`);
  const s = found as Exclude<typeof found, { skip: string }>;
  let demo: DemoServer;
  let dir: string;
  let config: string;
  let body: string;
  const stages: StageProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-dist-e2e-'));
    // A stopped clock: the demo's live feed shows the same items to both runs.
    const clock = Date.parse('2026-11-23T12:00:00.000Z');
    demo = await startDemoServer({ port: 0, now: () => clock });
    body = demoBody(Number(new URL(demo.url).port));
    config = writeDistributedConfig(dir, { prefix, client, servers: s, body });
  });

  afterAll(async () => {
    for (const stage of stages) await stopStage(stage, 'SIGKILL');
    await demo?.close();
    await dropPrefix(s, prefix);
  });

  it('runs each stage as its own service and stores exactly the demo mentions in Elasticsearch', async () => {
    const reference = await referenceMentions(dir, body);
    expect(reference.length).toBeGreaterThanOrEqual(20);

    // Consumers first (any order works: groups read from the beginning), the collector last.
    for (const name of ['indexer', 'enricher', 'collector']) stages.push(await startStage(name, config));
    const indexer = stages[0]!;
    const count = await waitFor('every demo mention in Elasticsearch', 90_000, async () => {
      const n = await esCount(s.esUrl, prefix);
      return n >= reference.length ? n : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\n${stages.map((st) => `--- ${st.name}\n${st.output()}`).join('\n')}`);
    });
    await sleep(1000);
    expect(await esCount(s.esUrl, prefix)).toBe(count);

    const hits = await esDocuments<StoredMention>(s.esUrl, prefix, ['id', 'brandId', 'sourceId', 'lang', 'sentiment', 'topics', 'doc']);
    expect(hits.map((h) => h._id).sort()).toEqual(reference.map((r) => r.id));
    for (const hit of hits) {
      const at = new Date(hit._source.doc.publishedAt ?? hit._source.doc.collectedAt);
      expect(hit._index).toBe(`${prefix}-mentions-${at.getUTCFullYear()}.${String(at.getUTCMonth() + 1).padStart(2, '0')}`);
    }

    // Ids are mentionId(brand, source, the item's guid): check the English feed's items by hand.
    const guids = [...readFileSync(join(REPO_ROOT, 'demo/feeds/nordtel-en.xml'), 'utf8').matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)].map((m) => m[1]!);
    const english = hits.filter((h) => h._source.sourceId === 'demo-en');
    expect(english.length).toBeGreaterThanOrEqual(5);
    for (const hit of english) {
      const brandIds = [hit._source.brandId];
      expect(guids.some((guid) => brandIds.some((brandId) => mentionId({ brandId, sourceId: 'demo-en', itemId: guid }) === hit._id))).toBe(true);
    }

    // Brand from the reference; language, sentiment and topics as the analyzer says in-process.
    const analyzer = createAnalyzer();
    const byId = new Map(reference.map((r) => [r.id, r]));
    for (const hit of hits) {
      const stored = hit._source;
      const { nlp: _nlp, ...raw } = stored.doc;
      const expected = enrichMention(raw, analyzer, new Date()).nlp;
      expect({
        id: stored.id,
        brandId: stored.brandId,
        sourceId: stored.sourceId,
        lang: stored.lang,
        sentiment: stored.sentiment,
        topics: [...stored.topics].sort(),
      }).toEqual({
        id: hit._id,
        brandId: byId.get(hit._id)!.brandId,
        sourceId: byId.get(hit._id)!.sourceId,
        lang: expected.lang,
        sentiment: expected.sentiment.label,
        topics: [...new Set(expected.topics.map((t) => t.topic))].sort(),
      });
    }
    const langs = new Set(hits.map((h) => h._source.lang));
    for (const lang of ['en', 'ru', 'kk', 'he', 'et']) expect(langs).toContain(lang);

    // Each service answers /health and /metrics on its own port.
    const health = await fetch(`${indexer.healthUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', details: { indexer: { status: 'ok' } } });
    const metrics = await (await fetch(`${indexer.healthUrl}/metrics`)).text();
    const indexed = Number(/earshot_messages_processed_total\{stage="indexer",outcome="ok"\} (\d+)/.exec(metrics)?.[1]);
    expect(indexed).toBeGreaterThanOrEqual(reference.length);

    // SIGTERM: each stage finishes, commits and exits 0; nothing is left uncommitted.
    for (const stage of [...stages].reverse()) expect(await stopStage(stage, 'SIGTERM'), stage.output()).toBe(0);
    const bus = createKafkaClientBus(client, { brokers: s.brokers.split(','), clientId: 'e2e-check', topicPrefix: `${prefix}.` });
    try {
      expect(await bus.lag('earshot-enricher', 'mentions.raw')).toBe(0);
      expect(await bus.lag('earshot-indexer', 'mentions.enriched')).toBe(0);
      expect(await bus.lag(`${prefix}-probe`, 'mentions.dlq')).toBe(0);
    } finally {
      await bus.close();
    }
  });
});

// Elasticsearch goes away mid-stream: `earshot indexer` backs off (reports degraded health), commits
// nothing it has not written — its lag covers at least every mention published while the store
// was down — and when Elasticsearch returns it catches up, losing nothing.
// Stopping Elasticsearch needs the local stack (infra/local/stack); against servers given from
// outside the test skips, except under CI=true, where it fails.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bus } from '@earshot/bus';
import { KAFKA_CLIENTS } from '@earshot/bus/kafka';
import { encodeMessage, mentionId, TOPICS, type EnrichedMention } from '@earshot/schema';
import { esCount, esDocuments, servers, sleep, stopStage, uniquePrefix, useKafkaElasticsearch, waitFor } from './support.js';

const STACK = fileURLToPath(new URL('../../infra/local/stack', import.meta.url));
const found = servers();
const T0 = Date.parse('2026-11-20T08:00:00.000Z');

/** Why Elasticsearch cannot be stopped from here, if it cannot. */
function cannotStopElasticsearch(): string | undefined {
  if ('skip' in found) return found.skip;
  const url = new URL(found.esUrl);
  const localPort = process.env.ES_PORT ?? '9200';
  if (!['127.0.0.1', 'localhost'].includes(url.hostname) || url.port !== localPort) {
    return `Elasticsearch at ${found.esUrl} is not the local stack's (127.0.0.1:${localPort}), so this test cannot stop it`;
  }
  const status = spawnSync(STACK, ['status'], { encoding: 'utf8' });
  if (!/Elasticsearch\s+running/.test(status.stdout ?? '')) return `infra/local/stack does not run Elasticsearch here (${(status.stdout ?? '').trim()})`;
  return undefined;
}

const reason = cannotStopElasticsearch();
if (reason && process.env.CI === 'true' && !('skip' in found)) throw new Error(`fault-es-down: ${reason} (CI=true: this test must run)`);

function enriched(i: number): EnrichedMention {
  const brandId = i % 2 ? 'nordtel' : 'tundra';
  const at = new Date(T0 + i * 1000).toISOString();
  const sentiment = (['negative', 'neutral', 'positive'] as const)[i % 3]!;
  return {
    id: mentionId({ brandId, sourceId: 'outage-feed', itemId: `outage-${i}` }),
    brandId,
    sourceId: 'outage-feed',
    sourceType: 'rss',
    url: `https://outage.example.org/${i}`,
    title: `Outage report ${i}`,
    text: `Mention number ${i} written while the store may be down.`,
    publishedAt: at,
    collectedAt: at,
    nlp: {
      lang: 'en',
      sentiment: { label: sentiment, score: 0 },
      topics: [{ topic: 'service', sentiment: { label: sentiment, score: 0 } }],
      signals: { warning: false, recommendation: false, phrases: [] },
      enrichedAt: at,
    },
  };
}

async function publishRange(bus: Bus, from: number, to: number): Promise<void> {
  const messages = [];
  for (let i = from; i < to; i++) messages.push({ key: enriched(i).brandId, value: encodeMessage('mention.enriched', enriched(i)) });
  await bus.publish(TOPICS.enriched, messages);
}

const stack = async (...args: string[]) => void (await promisify(execFile)(STACK, args, { timeout: 240_000 }));

describe.skipIf(reason !== undefined).each(KAFKA_CLIENTS)(`indexer while Elasticsearch is down (%s)${reason ? ` (skipped: ${reason})` : ''}`, (client) => {
  const prefix = uniquePrefix(`esdown${client.slice(0, 2)}`);
  const s = found as Exclude<typeof found, { skip: string }>;
  const scene = useKafkaElasticsearch({
    prefix,
    client,
    servers: s,
    clientId: 'es-down-test',
    body: 'logLevel: warn\nbrands:\n  - { id: nordtel, name: Nordtel }\n  - { id: tundra, name: Tundra }',
  });
  // Whatever happened, leave Elasticsearch running (this runs before the scene's clean-up, which needs it).
  afterAll(() => stack('start', 'es'));

  it('backs off without committing, then catches up with nothing lost', async () => {
    const BEFORE = 2000;
    const DURING = 3000;
    const AFTER = 1000;
    const total = BEFORE + DURING + AFTER;
    const { bus } = scene;
    const indexer = await scene.start('indexer');
    await publishRange(bus, 0, BEFORE);
    await waitFor('the first mentions indexed', 60_000, async () => (await esCount(s.esUrl, prefix)) === BEFORE);

    await stack('stop', 'es');
    try {
      // Mid-stream: more mentions arrive while the store is away.
      for (let i = BEFORE; i < BEFORE + DURING; i += 500) {
        await publishRange(bus, i, i + 500);
        await sleep(200);
      }
      const healthSeen = new Set<string>();
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        // Nothing published during the outage can have been written, so none of it may be committed.
        expect(await bus.lag('earshot-indexer', TOPICS.enriched)).toBeGreaterThanOrEqual(DURING);
        const health = (await (await fetch(`${indexer.healthUrl}/health`)).json()) as { status: string };
        healthSeen.add(health.status);
        await sleep(500);
      }
      expect(healthSeen).toContain('degraded');
    } finally {
      await stack('start', 'es');
    }

    await publishRange(bus, BEFORE + DURING, total);
    await waitFor(
      `all ${total} mentions indexed after Elasticsearch returned`,
      120_000,
      async () => {
        const [n, lag] = await Promise.all([esCount(s.esUrl, prefix), bus.lag('earshot-indexer', TOPICS.enriched)]);
        return n >= total && lag === 0;
      },
      500,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- indexer\n${indexer.output()}`);
    });

    expect(await esCount(s.esUrl, prefix)).toBe(total);
    const ids = new Set((await esDocuments<{ id: string }>(s.esUrl, prefix, ['id'])).map((h) => h._id));
    for (let i = 0; i < total; i++) if (!ids.has(enriched(i).id)) throw new Error(`mention #${i} is missing`);
    expect(await bus.lag(`${prefix}-probe`, TOPICS.dlq)).toBe(0);
    const health = (await (await fetch(`${indexer.healthUrl}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    expect(await stopStage(indexer, 'SIGTERM'), indexer.output()).toBe(0);
  });
});

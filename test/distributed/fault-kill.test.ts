// Nothing lost, nothing doubled when stages die: 10,000 mentions stream through `earshot enricher`
// and `earshot indexer` (separate processes on Kafka + Elasticsearch); both are SIGKILLed in the
// middle, started again, and every mention ends up in Elasticsearch exactly once.
import { describe, expect, it } from 'vitest';
import type { Bus } from '@earshot/bus';
import { KAFKA_CLIENTS } from '@earshot/bus/kafka';
import { encodeMessage, mentionId, TOPICS, type RawMention } from '@earshot/schema';
import { esCount, esDocuments, servers, sleep, stopStage, uniquePrefix, useKafkaElasticsearch, waitFor } from './support.js';

const found = servers();
const MENTIONS = 10_000;
const BRANDS = ['nordtel', 'tundra', 'acme'];
// Our own sentences, in the five languages; the time runs across a month boundary (two indices).
const SENTENCES = [
  'The new tariff is far too expensive and support never answered.',
  'Great service today, the engineer was quick and friendly.',
  'Снова задержали доставку роутера, поддержка молчит.',
  'Қызметі жақсы, жеткізу өте жылдам болды, рахмет.',
  'העלו את המחיר שוב והשירות איטי.',
  'Klienditeenindus vastas kiiresti ja hind on õiglane.',
];
const T0 = Date.parse('2026-10-31T12:00:00.000Z');

function rawMention(i: number): RawMention {
  const brandId = BRANDS[i % BRANDS.length]!;
  const at = new Date(T0 + i * 10_000).toISOString();
  return {
    id: mentionId({ brandId, sourceId: 'fault-feed', itemId: `fault-${i}` }),
    brandId,
    sourceId: 'fault-feed',
    sourceType: 'rss',
    url: `https://fault.example.org/items/${i}`,
    title: `Report ${i} about ${brandId}`,
    text: `${SENTENCES[i % SENTENCES.length]} (#${i})`,
    publishedAt: at,
    collectedAt: at,
  };
}

async function publishRange(bus: Bus, from: number, to: number): Promise<void> {
  const messages = [];
  for (let i = from; i < to; i++) {
    const m = rawMention(i);
    messages.push({ key: m.id, value: encodeMessage('mention.raw', m) });
  }
  await bus.publish(TOPICS.raw, messages);
}

describe.skipIf('skip' in found).each(KAFKA_CLIENTS)(`stages killed mid-stream (%s)${'skip' in found ? ` (skipped: ${found.skip})` : ''}`, (client) => {
  const prefix = uniquePrefix(`kill${client.slice(0, 2)}`);
  const s = found as Exclude<typeof found, { skip: string }>;
  const scene = useKafkaElasticsearch({
    prefix,
    client,
    servers: s,
    clientId: 'fault-kill-test',
    body: `logLevel: warn\nbrands:\n${BRANDS.map((b) => `  - { id: ${b}, name: ${b} }`).join('\n')}`,
  });

  it(`stores all ${MENTIONS} mentions exactly once after the enricher and indexer are SIGKILLed and restarted`, async () => {
    const { bus } = scene;
    await publishRange(bus, 0, MENTIONS / 2);
    const first = [await scene.start('enricher'), await scene.start('indexer')];
    // The rest of the stream arrives while the stages work and die.
    const streaming = (async () => {
      for (let i = MENTIONS / 2; i < MENTIONS; i += 500) {
        await publishRange(bus, i, Math.min(i + 500, MENTIONS));
        await sleep(100);
      }
    })();

    const before = await waitFor(
      'the first mentions in Elasticsearch',
      120_000,
      async () => {
        const n = await esCount(s.esUrl, prefix);
        return n >= 1500 ? n : undefined;
      },
      50,
    );
    for (const stage of first) expect(await stopStage(stage, 'SIGKILL')).toBeNull();
    const atKill = await esCount(s.esUrl, prefix);
    expect(before).toBeGreaterThan(0);
    expect(atKill, 'the kill came after everything was stored: it proves nothing').toBeLessThan(MENTIONS);
    await streaming;

    const second = [await scene.start('enricher'), await scene.start('indexer')];
    await waitFor(
      `all ${MENTIONS} mentions stored (${atKill} at the kill)`,
      180_000,
      async () => {
        const [n, rawLag, enrichedLag] = await Promise.all([
          esCount(s.esUrl, prefix),
          bus.lag('earshot-enricher', TOPICS.raw),
          bus.lag('earshot-indexer', TOPICS.enriched),
        ]);
        return n >= MENTIONS && rawLag === 0 && enrichedLag === 0;
      },
      500,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${second.map((st) => `--- ${st.name}\n${st.output()}`).join('\n')}`);
    });

    // Exactly once: as many documents as mentions, and every id among them.
    expect(await esCount(s.esUrl, prefix)).toBe(MENTIONS);
    const hits = await esDocuments<{ id: string }>(s.esUrl, prefix, ['id']);
    const ids = new Set(hits.map((h) => h._id));
    expect(ids.size).toBe(MENTIONS);
    for (let i = 0; i < MENTIONS; i++) {
      if (!ids.has(rawMention(i).id)) throw new Error(`mention #${i} is missing`);
    }
    expect(new Set(hits.map((h) => h._index))).toEqual(new Set([`${prefix}-mentions-2026.10`, `${prefix}-mentions-2026.11`]));
    expect(await bus.lag(`${prefix}-probe`, TOPICS.dlq)).toBe(0);

    for (const stage of second) expect(await stopStage(stage, 'SIGTERM'), stage.output()).toBe(0);
  });
});

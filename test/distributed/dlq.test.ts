// A document Elasticsearch refuses goes to the DLQ with Elasticsearch's reason, and the stream goes
// on: `earshot indexer` on Kafka + Elasticsearch gets three enriched mentions, one of which carries
// a topic over Lucene's 32,766-byte term limit for a keyword; the other two are stored, the third
// lands on mentions.dlq with its original key, bytes and headers plus provenance.
import { describe, expect, it } from 'vitest';
import type { BusMessage } from '@earshot/bus';
import { KAFKA_CLIENTS } from '@earshot/bus/kafka';
import { readProvenance } from '@earshot/pipeline';
import { encodeMessage, mentionId, TOPICS, type EnrichedMention } from '@earshot/schema';
import { esCount, servers, stopStage, uniquePrefix, useKafkaElasticsearch, waitFor } from './support.js';

const found = servers();

function enriched(i: number, topic = 'price'): EnrichedMention {
  const at = new Date(Date.parse('2026-11-20T08:00:00.000Z') + i * 1000).toISOString();
  return {
    id: mentionId({ brandId: 'nordtel', sourceId: 'dlq-feed', itemId: `dlq-${i}` }),
    brandId: 'nordtel',
    sourceId: 'dlq-feed',
    sourceType: 'rss',
    url: `https://dlq.example.org/${i}`,
    title: `Item ${i}`,
    text: `Mention ${i}.`,
    publishedAt: at,
    collectedAt: at,
    nlp: {
      lang: 'en',
      sentiment: { label: 'negative', score: -0.5 },
      topics: [{ topic, sentiment: { label: 'negative', score: -0.5 } }],
      signals: { warning: false, recommendation: false, phrases: [] },
      enrichedAt: at,
    },
  };
}

describe.skipIf('skip' in found).each(KAFKA_CLIENTS)(`documents Elasticsearch refuses (%s)${'skip' in found ? ` (skipped: ${found.skip})` : ''}`, (client) => {
  const prefix = uniquePrefix(`dlq${client.slice(0, 2)}`);
  const s = found as Exclude<typeof found, { skip: string }>;
  const scene = useKafkaElasticsearch({
    prefix,
    client,
    servers: s,
    clientId: 'dlq-test',
    body: 'logLevel: warn\nbrands:\n  - { id: nordtel, name: Nordtel }',
  });

  it("dead-letters the refused document with Elasticsearch's reason and stores the rest", async () => {
    const { bus } = scene;
    const indexer = await scene.start('indexer');
    const poison = enriched(2, 'x'.repeat(40_000));
    const value = encodeMessage('mention.enriched', poison);
    await bus.publish(TOPICS.enriched, [
      { key: 'nordtel', value: encodeMessage('mention.enriched', enriched(1)) },
      { key: 'nordtel', value, headers: { origin: 'dlq-test' } },
      { key: 'nordtel', value: encodeMessage('mention.enriched', enriched(3)) },
    ]);

    const dead: BusMessage[] = [];
    const sub = await bus.subscribe({ groupId: 'dlq-reader', topic: TOPICS.dlq, handler: async (batch) => void dead.push(...batch) });
    await waitFor('the refused document on the DLQ', 60_000, async () => dead.length > 0).catch((err: Error) => {
      throw new Error(`${err.message}\n--- indexer\n${indexer.output()}`);
    });
    await sub.stop();
    await waitFor(
      'the other two stored and committed',
      30_000,
      async () => (await esCount(s.esUrl, prefix)) === 2 && (await bus.lag('earshot-indexer', TOPICS.enriched)) === 0,
    );

    expect(dead).toHaveLength(1);
    const [record] = dead;
    expect(record!.key).toBe('nordtel');
    expect(record!.value.equals(value)).toBe(true);
    expect(record!.headers.origin).toBe('dlq-test');
    expect(readProvenance(record!.headers)).toMatchObject({
      stage: 'indexer',
      topic: TOPICS.enriched,
      reason: expect.stringMatching(/^store rejected the document: \w+_exception: .*\[topics\]/),
    });
    expect(await stopStage(indexer, 'SIGTERM'), indexer.output()).toBe(0);
  });
});

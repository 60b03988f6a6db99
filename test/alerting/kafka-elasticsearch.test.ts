// The alerter on Kafka + Elasticsearch: two instances in one consumer group split the brands by
// partition and announce exactly the alerts one instance would; a restart mid-window (warm start
// from Elasticsearch) neither forgets nor fires again, and each brand's story, written by whichever
// instance owns the brand at the time, ends up as one record. The brand's own apologies (by-brand
// posts) count toward none of it, on the stream or in the warm start. Skips when the global setup has no servers.
import { createAlerter, type Alerter } from '@earshot/alerter';
import type { Bus } from '@earshot/bus';
import { createKafkaBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import { decodeMessage, encodeMessage, TOPICS, type EnrichedMention } from '@earshot/schema';
import { createElasticsearchStore, type ElasticsearchStore } from '@earshot/store/elasticsearch';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

const brokers = inject('kafkaBrokers');
const esUrl = inject('elasticsearchUrl');
const run = `alerting${Date.now().toString(36)}`;
const BRANDS = ['nordtel', 'acme', 'globex', 'initech', 'umbrella', 'hooli'];

function negative(id: string, brandId: string, at: number, over: Partial<EnrichedMention> = {}): EnrichedMention {
  const iso = new Date(at).toISOString();
  return {
    id: `${run}-${id}`,
    brandId,
    sourceId: 'reviews',
    sourceType: 'rss',
    url: `https://reviews.example.org/${run}/${id}`,
    title: id,
    text: 'Never again.',
    publishedAt: iso,
    collectedAt: iso,
    nlp: {
      lang: 'en',
      sentiment: { label: 'negative', score: -0.8 },
      topics: [],
      signals: { warning: false, recommendation: false, phrases: [] },
      enrichedAt: iso,
    },
    ...over,
  };
}

/** The brand's own negative-sounding posts: not word-of-mouth, so no rule counts them by default. */
const apologies = (brandId: string, at: number) =>
  [1, 2, 3].map((i) =>
    negative(`${brandId}-sorry${i}`, brandId, at + i * 1000, { brandAccount: 'by-brand', text: 'We are sorry about the outage, our engineers are on it.' }),
  );

if (!brokers || !esUrl) {
  it.skip(`alerting on kafka + elasticsearch (${inject('serversUnavailable') || 'KAFKA_BROKERS / ELASTICSEARCH_URL not set'})`, () => {});
} else {
  describe('alerting on kafka + elasticsearch', () => {
    const config = parseConfig(
      `brands: [${BRANDS.map((b) => `{ id: ${b}, name: ${b} }`).join(', ')}]\nrules: [{ id: neg, type: threshold, brand: all, count: 3, window: 10m }]`,
      'test.yaml',
    );
    let bus: Bus;
    let store: ElasticsearchStore;
    const seen: string[] = [];
    const explained = new Map<string, string[]>();
    const alerters: Alerter[] = [];
    const make = () => createAlerter({ config, bus, store, logger: silentLogger(), metrics: createMetrics() });

    beforeAll(async () => {
      bus = createKafkaBus({ brokers: brokers.split(','), clientId: 'earshot-alerting-test', topicPrefix: `${run}.`, partitions: 4 });
      store = createElasticsearchStore({ url: esUrl, indexPrefix: run });
      await store.init();
      await bus.ensureTopics([TOPICS.byBrand, TOPICS.alerts, TOPICS.dlq].map((name) => ({ name, partitions: 4 })));
      await bus.subscribe({
        groupId: 'test-reader',
        topic: TOPICS.alerts,
        handler: async (messages) => {
          for (const m of messages) {
            const d = decodeMessage(m.value, 'alert');
            if (!d.ok) continue;
            const a = d.message.payload;
            seen.push(`${a.state} ${a.brandId} r${a.revision} n=${a.count}`);
            explained.set(a.brandId, [`volume ${a.evidence?.volume.count}`, ...(a.evidence?.mentions ?? []).map((m) => m.id).sort()]);
          }
        },
      });
    });

    afterAll(async () => {
      for (const a of alerters) await a.stop();
      await bus?.close();
      await store?.close();
      await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: `${run}.` });
      const indices = (await (await fetch(`${esUrl}/_cat/indices/${run}-*?format=json&h=index`)).json()) as { index: string }[];
      for (const { index } of indices) await fetch(`${esUrl}/${index}`, { method: 'DELETE' });
      await fetch(`${esUrl}/_index_template/${run}-mentions`, { method: 'DELETE' });
    });

    async function send(mentions: EnrichedMention[]) {
      await store.upsertMentions(mentions); // what the indexer would have done
      await bus.publish(
        TOPICS.byBrand,
        mentions.map((m) => ({ key: m.brandId, value: encodeMessage('mention.enriched', m) })),
      );
      await vi.waitFor(async () => expect(await bus.lag('earshot-alerter', TOPICS.byBrand)).toBe(0), { timeout: 60_000, interval: 100 });
    }

    it('two instances split the brands and give the alerts one would; a restart mid-window neither forgets nor re-fires', async () => {
      alerters.push(make(), make());
      for (const a of alerters) await a.start();
      const now = Date.now();
      // Two negatives per brand, spread over both instances' partitions, and three of the brand's own
      // apologies: counted, they would open every alert now (and with n=5).
      await send(BRANDS.flatMap((b) => [negative(`${b}-1`, b, now - 60_000), negative(`${b}-2`, b, now - 50_000), ...apologies(b, now - 58_000)]));
      expect(seen).toEqual([]);

      // One instance goes away mid-window; the survivor takes its partitions and warm-starts those brands.
      await alerters.shift()!.stop();
      await send(BRANDS.map((b) => negative(`${b}-3`, b, now - 40_000)));
      await vi.waitFor(() => expect(seen).toHaveLength(BRANDS.length), { timeout: 60_000, interval: 100 });
      // Each alert is explained by all three mentions (for the brands the survivor took over, two of
      // them came from its warm start on Elasticsearch, which left the brand's apologies out too).
      for (const b of BRANDS) expect(explained.get(b)).toEqual([`volume 3`, `${run}-${b}-1`, `${run}-${b}-2`, `${run}-${b}-3`]);

      // A fresh instance joins and a fourth negative arrives: the alerts are open already.
      alerters.push(make());
      await alerters.at(-1)!.start();
      await send(BRANDS.map((b) => negative(`${b}-4`, b, now - 30_000)));
      for (const a of alerters) await a.tick();
      await vi.waitFor(async () => expect(await bus.lag('test-reader', TOPICS.alerts)).toBe(0), { timeout: 60_000, interval: 100 });
      expect([...seen].sort()).toEqual(BRANDS.map((b) => `open ${b} r1 n=3`).sort());

      // One story per brand, grown across the hand-overs: each owner restored it from Elasticsearch.
      // The brand's apologies are a story of their own (stories group every mention; no rule counts them).
      await store.refresh();
      const { stories } = await store.searchStories({ limit: 100 });
      expect(stories.map((s) => `${s.brandId} size=${s.size} ${s.mentionIds.join(',')}`).sort()).toEqual(
        BRANDS.flatMap((b) => [
          `${b} size=4 ${[1, 2, 3, 4].map((i) => `${run}-${b}-${i}`).join(',')}`,
          `${b} size=3 ${[1, 2, 3].map((i) => `${run}-${b}-sorry${i}`).join(',')}`,
        ]).sort(),
      );
    });
  });
}

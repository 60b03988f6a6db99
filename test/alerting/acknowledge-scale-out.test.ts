// An acknowledgment reaches the alerter instance that owns the brand. Two alerters in one group on
// real Kafka (+ Elasticsearch) split eight brands by partition of mentions.by-brand; an alert opens
// for every brand; each is acknowledged over HTTP; the clock passes `realert`. No alert may be
// re-notified, and every stored alert keeps acknowledgedAt / acknowledgedBy. Before acknowledgments
// were routed on mentions.by-brand they went on alerts.commands, whose partitions Kafka assigns
// independently, so some landed on the instance that does not own the brand and the owner's
// re-notification overwrote them. alerts.commands has 3 partitions here, by-brand 4: nothing ties
// the two topics' partitioning (with equal counts, round-robin assignment makes both groups agree
// or disagree for all brands at once, so the old failure showed only half the time).
import { createAlerter, type Alerter } from '@earshot/alerter';
import type { Bus } from '@earshot/bus';
import { createKafkaBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import { decodeMessage, encodeMessage, TOPICS, type Alert, type EnrichedMention } from '@earshot/schema';
import { createElasticsearchStore, dropElasticsearchPrefix } from '@earshot/store/elasticsearch';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { mention, MIN } from '../../services/alerter/src/testing/mentions.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestApi, type TestApi } from '../../services/api/src/testing/start-test-api.js';

const brokers = inject('kafkaBrokers');
const esUrl = inject('elasticsearchUrl');
const run = `ackscale${Date.now().toString(36)}`;
const BRANDS = ['nordtel', 'acme', 'globex', 'initech', 'umbrella', 'hooli', 'tundra', 'vandelay'];

if (!brokers || !esUrl) {
  it.skip(`acknowledging with two alerters on kafka (${inject('serversUnavailable') || 'KAFKA_BROKERS / ELASTICSEARCH_URL not set'})`, () => {});
} else {
  describe('acknowledging with two alerters on kafka', () => {
    let t: TestApi | undefined;
    const alerters: Alerter[] = [];

    afterAll(async () => {
      for (const a of alerters) await a.stop();
      await t?.stop();
      await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: `${run}.` });
      await dropElasticsearchPrefix({ url: esUrl, indexPrefix: run });
    });

    it("the brand's owner applies the acknowledgment: no re-notification past realert, the stored alert stays acknowledged", async () => {
      const bus: Bus = createKafkaBus({ brokers: brokers.split(','), clientId: 'earshot-ack-scale-test', topicPrefix: `${run}.`, partitions: 4 });
      await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: name === TOPICS.alertCommands ? 3 : 4 })));
      t = await startTestApi({ bus, store: createElasticsearchStore({ url: esUrl, indexPrefix: run }) });
      const api = t;
      const clock = { now: Date.now() };
      const config = parseConfig(
        `brands: [${BRANDS.map((b) => `{ id: ${b}, name: ${b} }`).join(', ')}]\nrules: [{ id: neg, type: threshold, brand: all, count: 1, window: 1h, realert: 5m }]`,
        'test.yaml',
      );
      const groupId = `${run}-alerter`;
      for (let i = 0; i < 2; i++) {
        alerters.push(
          createAlerter({
            config,
            bus,
            store: api.store,
            logger: silentLogger(),
            metrics: createMetrics(),
            groupId,
            now: () => new Date(clock.now),
            tickIntervalMs: 3_600_000,
            ownershipTtlMs: 15 * MIN,
          }),
        );
      }
      for (const a of alerters) await a.start();

      const published: Alert[] = [];
      const reader = await bus.subscribe({
        groupId: `${run}-reader`,
        topic: TOPICS.alerts,
        handler: async (messages) => {
          for (const m of messages) {
            const decoded = decodeMessage(m.value, 'alert');
            if (decoded.ok) published.push(decoded.message.payload);
          }
        },
      });
      const drained = (group: string, topic: string) => vi.waitFor(async () => expect(await bus.lag(group, topic)).toBe(0), { timeout: 60_000, interval: 100 });
      const send = async (mentions: EnrichedMention[]) => {
        await bus.publish(
          TOPICS.byBrand,
          mentions.map((m) => ({ key: m.brandId, value: encodeMessage('mention.enriched', m) })),
        );
        await drained(groupId, TOPICS.byBrand);
      };
      const ownedBrands = () => alerters.map((a) => Number(a.health().details?.ownedBrands));

      try {
        // Until the group has settled: a round of positive mentions per brand (they fire nothing), then
        // ticks, which forget brands not seen for the ownership TTL. Settled = each brand has one owner
        // and both instances own some.
        let round = 0;
        for (;;) {
          clock.now += 20 * MIN;
          round++;
          await send(BRANDS.map((b) => mention({ id: `${run}-warm${round}-${b}`, brandId: b, at: clock.now, sentiment: 'positive' })));
          for (const a of alerters) await a.tick();
          const owned = ownedBrands();
          if (owned[0]! + owned[1]! === BRANDS.length && owned.every((n) => n > 0)) break;
          if (round > 20) throw new Error(`the alerter group did not settle: owned brands ${owned.join(' + ')}`);
        }

        clock.now += MIN;
        await send(BRANDS.map((b) => mention({ id: `${run}-neg-${b}`, brandId: b, at: clock.now })));
        await vi.waitFor(
          () => expect(published.map((a) => `${a.brandId} ${a.state} r${a.revision}`).sort()).toEqual(BRANDS.map((b) => `${b} open r1`).sort()),
          { timeout: 60_000, interval: 100 },
        );

        const alertUrl = (key: string) => `${api.url}/api/v1/alerts/${encodeURIComponent(key)}`;
        const read = async (key: string) => (await fetch(alertUrl(key), { headers: { authorization: `Bearer ${READ_TOKEN}` } })).json() as Promise<Alert>;
        const keys = published.map((a) => a.key);
        for (const key of keys) {
          await vi.waitFor(async () => expect((await read(key)).key).toBe(key), { timeout: 30_000, interval: 100 });
          const res = await fetch(`${alertUrl(key)}/acknowledge`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ note: 'on it' }),
          });
          expect(res.status).toBe(202);
        }
        for (const key of keys)
          await vi.waitFor(async () => expect(await read(key)).toMatchObject({ acknowledgedBy: 'ops' }), { timeout: 60_000, interval: 100 });

        // Past realert the conditions still hold: an unacknowledged alert would be told again now.
        for (const step of [6, 6]) {
          clock.now += step * MIN;
          for (const a of alerters) await a.tick();
        }
        await drained(`${run}-reader`, TOPICS.alerts);

        expect(ownedBrands().every((n) => n > 0)).toBe(true);
        expect(published.filter((a) => a.revision !== 1).map((a) => `${a.brandId} ${a.state} r${a.revision} acknowledgedBy=${a.acknowledgedBy}`)).toEqual([]);
        const stored = await Promise.all(keys.map(read));
        expect(stored.map((a) => `${a.brandId} ${a.state} r${a.revision} ${a.acknowledgedBy}`).sort()).toEqual(BRANDS.map((b) => `${b} open r1 ops`).sort());
        for (const a of stored) expect(Date.parse(a.acknowledgedAt!)).toBeGreaterThan(Date.now() - 5 * MIN);
      } finally {
        await reader.stop();
      }
    });
  });
}

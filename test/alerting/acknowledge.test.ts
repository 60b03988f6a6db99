// Issue 14 regression: an acknowledgment made through the API survives the running alerter. An open
// alert is acknowledged over HTTP; the alerter's clock then passes `realert`: the alert must not be
// re-notified (no revision 2 on the alerts topic) and the stored alert must keep acknowledgedAt /
// acknowledgedBy. Real parts: the API over loopback HTTP and the alerter, on the embedded backend
// and on Kafka + Elasticsearch (skipped, with the reason, when those servers are unavailable).
import { createAlerter, type Alerter } from '@earshot/alerter';
import type { Bus } from '@earshot/bus';
import { createKafkaBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { createMetrics, silentLogger } from '@earshot/observability';
import { decodeMessage, encodeMessage, TOPICS, type Alert } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createElasticsearchStore, dropElasticsearchPrefix } from '@earshot/store/elasticsearch';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { mention, MIN, testConfig } from '../../services/alerter/src/testing/mentions.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestApi, type TestApi } from '../../services/api/src/testing/start-test-api.js';

interface Backend {
  name: string;
  unavailable?: string;
  /** A bus and store of this backend (undefined: the API test helper's embedded ones). */
  make?: () => { bus: Bus; store: MentionStore; cleanup: () => Promise<void> };
}

const brokers = inject('kafkaBrokers');
const esUrl = inject('elasticsearchUrl');
const backends: Backend[] = [
  { name: 'embedded bus + SQLite' },
  {
    name: 'Kafka + Elasticsearch',
    ...(brokers && esUrl
      ? {
          make: () => {
            const run = `ack${Date.now().toString(36)}`;
            return {
              bus: createKafkaBus({ brokers: brokers.split(','), clientId: 'earshot-ack-test', topicPrefix: `${run}.`, partitions: 2 }),
              store: createElasticsearchStore({ url: esUrl, indexPrefix: run }),
              cleanup: async () => {
                await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: `${run}.` });
                await dropElasticsearchPrefix({ url: esUrl, indexPrefix: run });
              },
            };
          },
        }
      : { unavailable: inject('serversUnavailable') || 'KAFKA_BROKERS / ELASTICSEARCH_URL not set' }),
  },
];

let t: TestApi | undefined;
let alerter: Alerter | undefined;
let cleanup = async () => {};
afterEach(async () => {
  await alerter?.stop();
  await t?.stop();
  await cleanup();
  alerter = t = undefined;
  cleanup = async () => {};
});

for (const backend of backends) {
  if (backend.unavailable) {
    it.skip(`acknowledging on ${backend.name} (${backend.unavailable})`, () => {});
    continue;
  }
  describe(`acknowledging on ${backend.name}`, () => {
    it('an acknowledged alert is not re-notified past realert and stays acknowledged', async () => {
      const custom = backend.make?.();
      if (custom) cleanup = custom.cleanup;
      if (custom) await custom.bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: 2 })));
      t = await startTestApi(custom ? { bus: custom.bus, store: custom.store } : {});
      const { bus, store } = t;
      const clock = { now: Date.now() };
      const config = testConfig(['{ id: neg, type: threshold, brand: nordtel, count: 1, window: 1h, realert: 5m }']);
      alerter = createAlerter({
        config,
        bus,
        store,
        logger: silentLogger(),
        metrics: createMetrics(),
        now: () => new Date(clock.now),
        tickIntervalMs: 3_600_000,
      });
      await alerter.start();

      const published: Alert[] = [];
      const reader = await bus.subscribe({
        groupId: 'test-reader',
        topic: TOPICS.alerts,
        handler: async (messages) => {
          for (const m of messages) {
            const decoded = decodeMessage(m.value, 'alert');
            if (decoded.ok) published.push(decoded.message.payload);
          }
        },
      });
      try {
        const m = mention({ id: `ack-${clock.now}`, at: clock.now });
        await store.upsertMentions([m]);
        await bus.publish(TOPICS.byBrand, [{ key: m.brandId, value: encodeMessage('mention.enriched', m) }]);
        await vi.waitFor(() => expect(published.map((a) => `${a.state} r${a.revision}`)).toEqual(['open r1']), { timeout: 60_000, interval: 50 });
        const key = published[0]!.key;
        const alertUrl = `${t.url}/api/v1/alerts/${encodeURIComponent(key)}`;
        const read = async () => (await fetch(alertUrl, { headers: { authorization: `Bearer ${READ_TOKEN}` } })).json() as Promise<Alert>;
        await vi.waitFor(async () => expect((await read()).key).toBe(key), { timeout: 30_000, interval: 50 });

        const res = await fetch(`${alertUrl}/acknowledge`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ note: 'looking into it' }),
        });
        expect(res.ok).toBe(true);
        await vi.waitFor(async () => expect(await read()).toMatchObject({ acknowledgedBy: 'ops' }), { timeout: 30_000, interval: 50 });

        // Past realert the condition still holds: an unacknowledged alert would be told again now.
        clock.now += 10 * MIN;
        await alerter.tick();
        clock.now += 10 * MIN;
        await alerter.tick();
        await vi.waitFor(async () => expect(await bus.lag('test-reader', TOPICS.alerts)).toBe(0), { timeout: 30_000, interval: 50 });

        expect(published.filter((a) => a.revision !== 1).map((a) => `${a.state} r${a.revision} acknowledgedBy=${a.acknowledgedBy}`)).toEqual([]);
        const stored = await read();
        expect(stored).toMatchObject({ key, state: 'open', revision: 1, acknowledgedBy: 'ops' });
        expect(Date.parse(stored.acknowledgedAt!)).toBeGreaterThan(Date.now() - 5 * MIN);
      } finally {
        await reader.stop();
      }
    });
  });
}

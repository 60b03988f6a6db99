// The shared schedule on a real Kafka broker: two collector processes' worth of collectors in one
// consumer group; every source is polled exactly once for the slot, and both do part of the work.
import { createKafkaBus, dropKafkaTopics } from '@earshot/bus/kafka';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { COLLECTOR_JOBS_TOPIC } from './fetch-jobs.js';
import { createHarness } from './testing/collector-harness.js';
import { startRouteServer, type RouteServer } from './testing/route-server.js';

const brokers = inject('kafkaBrokers');
const prefix = `collector${Date.now().toString(36)}.`;
const rss = (n: number) =>
  `<rss version="2.0"><channel><title>s${n}</title><item><title>Nordtel item ${n}</title><guid>g${n}</guid><link>https://news.example/${n}</link></item></channel></rss>`;

if (!brokers) {
  it.skip(`collector fetch jobs on kafka (${inject('serversUnavailable') || 'KAFKA_BROKERS not set'})`, () => {});
} else {
  describe('collector fetch jobs on kafka', () => {
    let server: RouteServer;
    const sources = Array.from({ length: 12 }, (_, n) => n);
    beforeAll(async () => {
      server = await startRouteServer();
      for (const n of sources) server.route(`/s${n}`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(n)));
    });
    afterAll(async () => {
      await server.close();
      await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: prefix }).catch(() => {});
    });

    it('polls each source exactly once per slot across two collectors in one group', async () => {
      const bus = () => createKafkaBus({ brokers: brokers.split(','), clientId: 'earshot-collector-test', topicPrefix: prefix, partitions: 4 });
      const [busA, busB] = [bus(), bus()];
      await busA.ensureTopics([{ name: COLLECTOR_JOBS_TOPIC, partitions: 4 }]);
      const store = createSqliteStore({ path: ':memory:' });
      const config = sources.map((n) => ({ id: `k${n}`, type: 'rss', url: `${server.url}/s${n}`, allowPrivateNetwork: true, pollInterval: '1h' }));
      const a = await createHarness({ sources: config, bus: busA, store, collector: {} });
      const b = await createHarness({ sources: config, bus: busB, store, collector: {} });
      await Promise.all([a.collector.start(), b.collector.start()]);
      await vi.waitFor(() => expect(new Set(server.requests.map((r) => r.path)).size).toBe(sources.length), { timeout: 60_000, interval: 100 });
      // Both collectors published a job per source; wait until the group has seen all of them.
      await vi.waitFor(async () => expect(await busA.lag('earshot-collector', COLLECTOR_JOBS_TOPIC)).toBe(0), { timeout: 60_000, interval: 200 });
      await Promise.all([a.close(), b.close()]);
      await Promise.all([busA.close(), busB.close()]);
      await store.close();
      expect(server.requests.length).toBe(sources.length);
      expect(a.published().length + b.published().length).toBe(sources.length);
    });
  });
}

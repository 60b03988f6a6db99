// One oversized item must not block its source. Kafka brokers refuse a message over 1 MiB by
// default, and a blog post with an inline image carries it as a data: URI in its markup: before
// mention-budget.ts, every publish of such a feed failed, so none of its items reached the bus, poll
// after poll. On a real broker, with each Kafka client: all items are published, the oversized one
// without its markup, and the cut is counted and named in a warning.
import { createKafkaClientBus, dropKafkaTopics, KAFKA_CLIENTS } from '@earshot/bus/kafka';
import { createMetrics, type Logger } from '@earshot/observability';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MENTION_MESSAGE_BYTES } from './mention-budget.js';
import { createHarness } from './testing/collector-harness.js';
import { startRouteServer, type RouteServer } from './testing/route-server.js';

const brokers = inject('kafkaBrokers');
const prefix = `oversized${Date.now().toString(36)}.`;
const image = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(90_000)}`; // ~2 MB
const item = (n: number, html: string) =>
  `<item><title>Nordtel post ${n}</title><guid>p${n}</guid><link>https://blog.example/${n}</link><description><![CDATA[${html}]]></description></item>`;
const feed = `<rss version="2.0"><channel><title>blog</title>${item(1, '<p>Nordtel support answered fast.</p>')}${item(
  2,
  `<p>Nordtel outage again tonight, see the screenshot.</p><img src="${image}">`,
)}${item(3, '<p>Nordtel raised the price.</p>')}</channel></rss>`;

if (!brokers) {
  it.skip(`an oversized item on kafka (${inject('serversUnavailable') || 'KAFKA_BROKERS not set'})`, () => {});
} else {
  describe.each(KAFKA_CLIENTS)('an oversized item on kafka (%s)', (client) => {
    let server: RouteServer;
    beforeAll(async () => {
      server = await startRouteServer();
      server.route('/feed', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
    });
    afterAll(async () => {
      await server.close();
      await dropKafkaTopics({ brokers: brokers.split(','), topicPrefix: `${prefix}${client}.` }).catch(() => {});
    });

    it('is published without its markup, and its source’s other items with it', async () => {
      expect(feed.length).toBeGreaterThan(2 * 1024 * 1024);
      const warnings: { obj: unknown; msg: string }[] = [];
      const logger = {
        warn: (obj: unknown, msg: string) => warnings.push({ obj, msg }),
        error() {},
        info() {},
        debug() {},
        child: () => logger,
      } as unknown as Logger;
      const metrics = createMetrics();
      const bus = createKafkaClientBus(client, { brokers: brokers.split(','), clientId: 'earshot-collector-test', topicPrefix: `${prefix}${client}.` });
      const h = await createHarness({
        sources: [{ id: 'blog', type: 'rss', url: `${server.url}/feed`, allowPrivateNetwork: true, pollInterval: '1h' }],
        bus,
        logger,
        metrics,
      });
      try {
        expect(await h.collector.collectOnce()).toMatchObject({ failed: 0, mentions: 3 });
        const published = h.published();
        expect(published.map((m) => m.title)).toEqual(['Nordtel post 1', 'Nordtel post 2', 'Nordtel post 3']);
        const oversized = published[1]!;
        expect(oversized.html).toBeUndefined();
        expect(oversized.shortened).toBe('markup');
        expect(oversized.text).toContain('Nordtel outage again tonight');
        expect(published[0]!.html).toBe('<p>Nordtel support answered fast.</p>');
        expect(published[0]!.shortened).toBeUndefined();
        expect(await metrics.registry.getSingleMetricAsString('earshot_collector_mentions_shortened_total')).toMatch(/cut="markup"\} 1$/m);
        expect(warnings).toContainEqual(
          expect.objectContaining({
            msg: expect.stringContaining('mentions cut to fit one bus message'),
            obj: expect.objectContaining({
              source: 'blog',
              maxBytes: MENTION_MESSAGE_BYTES,
              mentions: [expect.objectContaining({ id: oversized.id, cut: 'markup' })],
            }),
          }),
        );
      } finally {
        await h.close();
      }
    }, 60_000);
  });
}

// Nothing dropped silently, on a loopback server: a feed cut at the XML node limit, JSON Feed items
// of the wrong type and links that are not http(s) are counted in the collect report, in metrics
// and in a warning with the counts; a mention whose link was `javascript:` keeps no link.
import { PassThrough } from 'node:stream';
import { createLogger, createMetrics } from '@earshot/observability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness } from './testing/collector-harness.js';
import { serve, startRouteServer, type RouteServer } from './testing/route-server.js';

const ITEMS = 41_000;

describe('dropped items are reported', () => {
  let server: RouteServer;
  beforeAll(async () => {
    server = await startRouteServer();
    const items = Array.from({ length: ITEMS }, (_, i) => `<item><title>Nordtel ${i}</title><guid>n${i}</guid></item>`).join('');
    server.route('/big.xml', serve(`<rss version="2.0"><channel><title>big</title>${items}</channel></rss>`, 'application/rss+xml'));
    server.route(
      '/feed.json',
      serve(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'j',
          items: [7, { id: ['x'], title: 'Nordtel bad id' }, { id: 'ok', title: 'Nordtel ok', url: 'https://news.example/ok', content_text: 'Nordtel ok' }],
        }),
        'application/feed+json',
      ),
    );
    const link = (n: number, url: string) =>
      `<item><title>Nordtel link ${n}</title><guid>l${n}</guid><link>${url}</link><description>Nordtel link ${n}</description></item>`;
    server.route(
      '/links.xml',
      serve(
        `<rss version="2.0"><channel><title>l</title>${link(1, 'javascript:alert(document.cookie)')}${link(2, 'data:text/html,&lt;script&gt;x&lt;/script&gt;')}${link(3, 'https://news.example/3')}</channel></rss>`,
        'application/rss+xml',
      ),
    );
  });
  afterAll(() => server.close());

  it('counts them in the report, the source status, metrics and a warning', async () => {
    const lines: { msg: string; source?: string; kept?: number; truncated?: number; malformed?: number; links?: number }[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) =>
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ),
    );
    const metrics = createMetrics();
    const src = (id: string, type: string, path: string) => ({ id, type, url: `${server.url}${path}`, allowPrivateNetwork: true });
    const h = await createHarness({
      sources: [src('big', 'rss', '/big.xml'), src('json', 'feed', '/feed.json'), src('links', 'rss', '/links.xml')],
      logger: createLogger({ level: 'warn', destination: out }),
      metrics,
    });
    const report = await h.collector.collectOnce();
    const status = Object.fromEntries(h.collector.status().map((s) => [s.id, s]));
    const kept = status.big!.items;
    expect(kept).toBeGreaterThan(0);
    expect(report.dropped).toEqual({ truncated: ITEMS - kept, malformed: 2, links: 2 });
    expect(status.big).toMatchObject({ truncated: ITEMS - kept, malformed: 0 });
    expect(status.json).toMatchObject({ items: 1, malformed: 2 });

    const mentions = h.published().filter((m) => m.sourceId === 'links');
    expect(mentions.map((m) => m.url)).toEqual(['', '', 'https://news.example/3']);

    expect(lines).toContainEqual(expect.objectContaining({ msg: 'feed items dropped', source: 'big', kept, truncated: ITEMS - kept, malformed: 0 }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'feed items dropped', source: 'json', kept: 1, truncated: 0, malformed: 2 }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'item links dropped: not http(s)', source: 'links', links: 2 }));
    const dropped = await metrics.registry.getSingleMetricAsString('earshot_collector_items_dropped_total');
    expect(dropped).toContain(`earshot_collector_items_dropped_total{source_type="rss",reason="truncated"} ${ITEMS - kept}`);
    expect(dropped).toContain('earshot_collector_items_dropped_total{source_type="feed",reason="malformed"} 2');
    expect(await metrics.registry.getSingleMetricAsString('earshot_collector_links_dropped_total')).toContain(
      'earshot_collector_links_dropped_total{source_type="rss"} 2',
    );
    await h.close();
  });
});

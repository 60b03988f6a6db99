// The collector's fetching behaviour against a loopback server: conditional GET with validators
// that survive a restart, 429/503 with Retry-After, back-off and unhealthy reporting, redirects,
// slow and oversized responses, a refused private address, compression, hostile XML, per-host
// politeness, collectOnce's progress, documents that are not feeds — and one bad source never
// stopping the others.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from './http-fetcher.js';
import { createHarness } from './testing/collector-harness.js';
import { serve, startRouteServer, type RouteServer } from './testing/route-server.js';

const rss = (title: string, guid = 'a-1') =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><title>${title}</title><link>https://news.example/${guid}</link><guid>${guid}</guid><description>${title} — and more words about it here.</description></item></channel></rss>`;

describe('collector fetching on loopback', () => {
  let server: RouteServer;
  beforeAll(async () => {
    server = await startRouteServer();
  });
  afterAll(() => server.close());
  const source = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'rss',
    url: `${server.url}${path}`,
    allowPrivateNetwork: true,
    pollInterval: '5m',
    ...extra,
  });

  it('makes the second GET conditional and counts a 304 as a healthy poll, across a restart', async () => {
    server.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 08:00:00 GMT' }).end(rss('Nordtel news'));
    });
    const store = createSqliteStore({ path: ':memory:' });
    const first = await createHarness({ sources: [source('cond', '/cond')], store });
    expect(await first.collector.collectOnce()).toMatchObject({ mentions: 1, notModified: 0 });
    expect(await first.collector.collectOnce()).toMatchObject({ mentions: 0, notModified: 1, failed: 0 });
    await first.close();
    // A new collector on the same store (a restart) still asks "changed since?".
    const second = await createHarness({ sources: [source('cond', '/cond')], store });
    expect(await second.collector.collectOnce()).toMatchObject({ mentions: 0, notModified: 1 });
    const conditional = server.requests.filter((r) => r.path === '/cond').map((r) => [r.headers['if-none-match'], r.headers['if-modified-since']]);
    expect(conditional).toEqual([
      [undefined, undefined],
      ['"v1"', 'Fri, 20 Nov 2026 08:00:00 GMT'],
      ['"v1"', 'Fri, 20 Nov 2026 08:00:00 GMT'],
    ]);
    await second.close();
    await store.close();
  });

  it('honours 429 Retry-After and 503 with an HTTP date, backs off, reports unhealthy and keeps the source', async () => {
    const now = new Date('2026-11-20T10:00:00Z');
    server.route('/busy', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    server.route('/down', (_req, res) => res.writeHead(503, { 'retry-after': 'Fri, 20 Nov 2026 12:00:00 GMT' }).end());
    server.route('/fine', serve(rss('Nordtel is fine'), 'application/rss+xml'));
    const h = await createHarness({ sources: [source('busy', '/busy'), source('down', '/down'), source('fine', '/fine')], now: () => now, random: () => 0.5 });
    for (let i = 0; i < 3; i++) expect(await h.collector.collectOnce()).toMatchObject({ sources: 3, failed: 2, mentions: 1 });
    const status = Object.fromEntries(h.collector.status().map((s) => [s.id, s]));
    expect(status.busy).toMatchObject({ consecutiveFailures: 3, healthy: false, lastStatus: 429, nextPollAt: '2026-11-20T11:00:00.000Z' });
    // Back-off after 3 failures is 4 × 5 min = 20 min, but the server asked for 2 hours.
    expect(status.down).toMatchObject({ healthy: false, lastStatus: 503, nextPollAt: '2026-11-20T12:00:00.000Z' });
    expect(status.fine).toMatchObject({ healthy: true, consecutiveFailures: 0 });
    expect(h.collector.health()).toMatchObject({ status: 'degraded', details: { unhealthy: ['busy', 'down'] } });
    await h.close();
  });

  it('follows a redirect, refuses a redirect loop, a private address, an oversized and a slow body — the others still publish', async () => {
    server.route('/moved', (_req, res) => res.writeHead(301, { location: '/fine' }).end());
    server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    server.route('/huge', serve(rss('Nordtel '.repeat(40_000)), 'application/rss+xml'));
    server.route('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      // …and never finishes.
    });
    const http = createHttpFetcher({ userAgent: 'Earshot-test/1', timeoutMs: 400, maxBodyBytes: 100_000, maxRedirects: 3 });
    const h = await createHarness({
      http,
      sources: [
        source('moved', '/moved'),
        source('loop', '/loop'),
        source('huge', '/huge'),
        source('slow', '/slow'),
        source('private', '/fine', { allowPrivateNetwork: false }),
      ],
    });
    const report = await h.collector.collectOnce();
    expect(report).toMatchObject({ sources: 5, failed: 4, mentions: 1 });
    const errors = Object.fromEntries(h.collector.status().map((s) => [s.id, s.lastError ?? 'ok']));
    expect(errors.moved).toBe('ok');
    expect(errors.loop).toMatch(/redirect/i);
    expect(errors.huge).toMatch(/larger than 100000 bytes/);
    expect(errors.slow).toMatch(/timed out|terminated|abort/i);
    expect(errors.private).toMatch(/private or loopback address/);
    await h.close();
  });

  it('reads gzip and brotli bodies and sends an honest User-Agent', async () => {
    server.route('/gz', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(rss('Nordtel gz', 'gz'))),
    );
    server.route('/br', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(brotliCompressSync(rss('Nordtel br', 'br'))),
    );
    const h = await createHarness({ sources: [source('gz', '/gz'), source('br', '/br')] });
    expect(await h.collector.collectOnce()).toMatchObject({ failed: 0, mentions: 2 });
    expect(
      h
        .published()
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Nordtel br', 'Nordtel gz']);
    expect(server.requests.find((r) => r.path === '/gz')?.headers['user-agent']).toBe('Earshot-test/1 (+https://earshot.invalid)');
    await h.close();
  });

  it('never expands entities or reads external ones, and bounds nesting', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "Nordtel Nordtel Nordtel Nordtel">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>Nordtel &j; &xxe;</title><guid>bomb</guid></item></channel></rss>`;
    const deep = `<rss version="2.0"><channel><item><title>Nordtel deep</title><guid>deep</guid><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item></channel></rss>`;
    server.route('/bomb', serve(bomb, 'application/rss+xml'));
    server.route('/deep', serve(deep, 'application/rss+xml'));
    const h = await createHarness({ sources: [source('bomb', '/bomb'), source('deep', '/deep')] });
    const used = process.memoryUsage().heapUsed;
    expect(await h.collector.collectOnce()).toMatchObject({ failed: 0, mentions: 2 });
    expect(process.memoryUsage().heapUsed - used).toBeLessThan(200 * 1024 * 1024);
    const bombed = h.published().find((m) => m.id && m.title.startsWith('Nordtel &j;'));
    expect(bombed?.title).toBe('Nordtel &j; &xxe;');
    expect(h.published().some((m) => m.text.includes('root:'))).toBe(false);
    await h.close();
  });

  it('keeps to the per-host concurrency cap', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    server.route('/polite', (_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Nordtel polite'));
      }, 40);
    });
    const sources = Array.from({ length: 6 }, (_, i) => source(`p${i}`, `/polite?n=${i}`));
    const h = await createHarness({ sources, collector: { perHostConcurrency: 2, concurrency: 8 } });
    expect(await h.collector.collectOnce()).toMatchObject({ sources: 6, failed: 0 });
    expect(maxInFlight).toBe(2);
    await h.close();
  });

  it('reports each source polled, failed ones too, with the items and mentions so far', async () => {
    server.route('/one', serve(rss('Nordtel one', 'one-1'), 'application/rss+xml'));
    server.route('/two', serve(rss('Nordtel two', 'two-1'), 'application/rss+xml'));
    server.route('/gone', (_req, res) => res.writeHead(404).end());
    const h = await createHarness({ sources: [source('one', '/one'), source('gone', '/gone'), source('two', '/two')] });
    const seen: { polled: number; items: number; mentions: number }[] = [];
    const report = await h.collector.collectOnce({ onPolled: (p) => seen.push(p) });
    expect(seen.map((p) => p.polled)).toEqual([1, 2, 3]);
    expect(seen.at(-1)).toEqual({ polled: 3, items: 2, mentions: 2 });
    expect(report).toMatchObject({ sources: 3, failed: 1, items: 2, mentions: 2 });
    await h.close();
  });

  it('says once what a document that is not a feed is, and the other sources still publish', async () => {
    server.route('/page', serve('<!doctype html><html><body>Moved</body></html>', 'text/html'));
    server.route('/empty', serve('', 'application/rss+xml'));
    server.route('/broken.json', serve('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/feed+json'));
    server.route('/fine-feed', serve(rss('Nordtel is fine', 'fine-1'), 'application/rss+xml'));
    const paths = ['/page', '/empty', '/broken.json', '/fine-feed'];
    const h = await createHarness({ sources: paths.map((path, i) => source(`s${i}`, path, { type: 'feed' })) });
    expect(await h.collector.collectOnce()).toMatchObject({ sources: 4, failed: 3, mentions: 1 });
    const errors = Object.fromEntries(h.collector.status().map((s) => [s.id, s.lastError]));
    expect(errors.s0).toBe('not a feed: the document is <html>');
    expect(errors.s1).toBe('not a feed: the document is empty');
    expect(errors.s2).toMatch(/^not a JSON Feed: not valid JSON: /);
    expect(errors.s3).toBeUndefined();
    await h.close();
  });
});

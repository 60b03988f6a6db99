// The shared schedule: with two collectors in one consumer group, each source is polled by exactly
// one of them per slot; on the embedded bus one collector polls everything on its schedule.
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGroupBus } from './testing/group-bus.js';
import { createHarness } from './testing/collector-harness.js';
import { startRouteServer, type RouteServer } from './testing/route-server.js';

const rss = (n: number) =>
  `<rss version="2.0"><channel><title>s${n}</title><item><title>Nordtel item ${n}</title><guid>g${n}</guid><link>https://news.example/${n}</link></item></channel></rss>`;

describe('fetch jobs over the bus', () => {
  let server: RouteServer;
  const sources = Array.from({ length: 8 }, (_, n) => n);
  beforeAll(async () => {
    server = await startRouteServer();
    for (const n of sources) server.route(`/s${n}`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(n)));
  });
  afterAll(() => server.close());
  const config = (prefix: string) =>
    sources.map((n) => ({ id: `${prefix}${n}`, type: 'rss', url: `${server.url}/s${n}?${prefix}`, allowPrivateNetwork: true, pollInterval: '1h' }));
  const polled = (prefix: string) => server.requests.filter((r) => r.path.endsWith(`?${prefix}`)).map((r) => r.path);

  it('two collectors in one group poll each source exactly once per slot, and share the work', async () => {
    const bus = createGroupBus({ partitions: 4 });
    const store = createSqliteStore({ path: ':memory:' });
    const a = await createHarness({ sources: config('g'), bus, store });
    const b = await createHarness({ sources: config('g'), bus, store });
    await a.collector.start();
    await b.collector.start();
    await vi.waitFor(() => expect(new Set(polled('g')).size).toBe(sources.length), { timeout: 5000 });
    // Both published a job per source for this slot; give the duplicates time to be seen and skipped.
    await vi.waitFor(async () => expect(await bus.lag('earshot-collector', 'collector.jobs')).toBe(0));
    await a.close();
    await b.close();
    expect(polled('g').length).toBe(sources.length);
    expect(a.published().length).toBeGreaterThan(0);
    expect(b.published().length).toBeGreaterThan(0);
    expect(a.published().length + b.published().length).toBe(sources.length);
    await store.close();
  });

  it('runs on the embedded bus in one process', async () => {
    const h = await createHarness({ sources: config('e') });
    await h.collector.start();
    await vi.waitFor(() => expect(h.published().length).toBe(sources.length), { timeout: 5000 });
    expect(polled('e').length).toBe(sources.length);
    await h.close();
  });
});

// A syndicated copy must not count again after a restart: the near-duplicate index is saved through
// the store and read back by the next collector on the same store, within its age bound.
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness } from './testing/collector-harness.js';
import { serve, startRouteServer, type RouteServer } from './testing/route-server.js';

const story = 'Nordtel raises mobile prices for the second time this year, customers in the north say the new plans cost more and give less data';
const rss = (guid: string, title: string) =>
  `<rss version="2.0"><channel><title>t</title><item><title>${title}</title><link>https://news.example/${guid}</link><guid>${guid}</guid><description>${story}</description></item></channel></rss>`;

describe('near-duplicates across a restart', () => {
  let server: RouteServer;
  beforeAll(async () => {
    server = await startRouteServer();
    server.route('/first', serve(rss('first-1', 'Prices up'), 'application/rss+xml'));
    server.route('/copy', serve(rss('copy-1', 'Prices up - Northern Ledger'), 'application/rss+xml'));
  });
  afterAll(() => server.close());
  const source = (id: string, path: string) => ({ id, type: 'rss', url: `${server.url}${path}`, allowPrivateNetwork: true });

  it('marks a copy seen after a restart as a duplicate of the copy seen before it', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const t0 = new Date('2026-11-20T10:00:00Z');
    const before = await createHarness({ sources: [source('first', '/first')], store, now: () => t0 });
    await before.collector.collectOnce();
    const [first] = before.published();
    await before.close();

    const after = await createHarness({ sources: [source('copy', '/copy')], store, now: () => new Date(t0.getTime() + 3_600_000) });
    await after.collector.collectOnce();
    expect(after.published()).toEqual([expect.objectContaining({ sourceId: 'copy', duplicateOf: first!.id })]);
    await after.close();

    // A week and a day later the saved fingerprint is too old to count, and it is pruned.
    const later = new Date(t0.getTime() + 8 * 86_400_000);
    const stale = await createHarness({ sources: [source('copy2', '/copy')], store, now: () => later });
    await stale.collector.collectOnce();
    expect(stale.published()[0]!.duplicateOf).toBeUndefined();
    expect((await store.recentFingerprints({ since: new Date(0).toISOString(), limit: 10 })).map((r) => r.seenAt)).toEqual([later.toISOString()]);
    await stale.close();
    await store.close();
  });
});

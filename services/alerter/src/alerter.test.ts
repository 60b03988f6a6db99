import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing/harness.js';
import { mention, MIN, T0, testConfig } from './testing/mentions.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('alerter service (embedded bus, SQLite store)', () => {
  it('publishes and stores a threshold alert once, and resolves it', async () => {
    h = await createHarness(testConfig(['{ id: neg, type: threshold, brand: nordtel, count: 2, window: 10m }']), T0);
    await h.send(mention({ id: 'a', at: T0 }));
    h.clock.now = T0 + MIN;
    await h.send(mention({ id: 'b', at: T0 + MIN }), mention({ id: 'c', at: T0 + MIN, brandId: 'acme' }));
    await h.send(mention({ id: 'b', at: T0 + MIN })); // redelivered copy
    h.clock.now = T0 + 10 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual([
      'open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=2',
      'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=1',
    ]);
    const stored = await h.store.getAlert('neg:nordtel:2026-11-20T10:00:00.000Z');
    expect(stored).toMatchObject({ state: 'resolved', revision: 2, ruleType: 'threshold', brandId: 'nordtel' });
  });

  it('after a restart mid-window neither forgets the building window nor fires again', async () => {
    h = await createHarness(testConfig(['{ id: neg, type: threshold, brand: nordtel, count: 3, window: 10m }']), T0);
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0 }));
    h.clock.now = T0 + 2 * MIN;
    await h.restart(); // 2 of 3 seen: the window must survive
    await h.send(mention({ id: 'c', at: T0 + 2 * MIN }));
    expect(await h.published()).toEqual(['open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3']);
    h.clock.now = T0 + 3 * MIN;
    await h.restart(); // open alert and its window restored: no second "open"
    await h.send(mention({ id: 'd', at: T0 + 3 * MIN }));
    await h.alerter.tick();
    expect(await h.published()).toEqual(['open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3']);
    h.clock.now = T0 + 12 * MIN; // a, b, c have left the window
    await h.alerter.tick();
    expect(await h.published()).toEqual([
      'open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3',
      'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=1',
    ]);
  });

  it('with Kafka-style ownership, warm-starts a brand when it first arrives and still neither forgets nor re-fires', async () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 3, window: 10m }']);
    h = await createHarness(config, T0, { ownership: 'seen' });
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0 }));
    h.clock.now = T0 + 2 * MIN;
    await h.restart();
    await h.send(mention({ id: 'c', at: T0 + 2 * MIN })); // the brand's first mention for this instance
    h.clock.now = T0 + 3 * MIN;
    await h.restart();
    await h.send(mention({ id: 'd', at: T0 + 3 * MIN }), mention({ id: 'x', at: T0 + 3 * MIN, brandId: 'acme' }));
    h.clock.now = T0 + 12 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual([
      'open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3',
      'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=1',
    ]);
  });

  it('honours silences stored by operators', async () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 1, window: 10m }']);
    h = await createHarness(config, T0);
    await h.store.addSilence({ id: 'maintenance', brandId: 'nordtel', until: new Date(T0 + 5 * MIN).toISOString(), reason: 'known outage' });
    await h.alerter.tick(); // picks up the silence
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0, brandId: 'acme' }));
    h.clock.now = T0 + 5 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual(['open neg:acme:2026-11-20T10:00:00.000Z r1 n=1', 'open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=1']);
  });
});

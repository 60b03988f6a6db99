import { describe, expect, it } from 'vitest';
import { useHarness } from './testing/harness.js';
import { encodeMessage, TOPICS } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { mention, MIN, T0, testConfig } from './testing/mentions.js';

const harness = useHarness();

describe('alerter service (embedded bus, SQLite store)', () => {
  it('publishes and stores a threshold alert once, and resolves it', async () => {
    const h = await harness(testConfig(['{ id: neg, type: threshold, brand: nordtel, count: 2, window: 10m }']), T0);
    await h.send(mention({ id: 'a', at: T0 }));
    h.clock.now = T0 + MIN;
    await h.send(mention({ id: 'b', at: T0 + MIN }), mention({ id: 'c', at: T0 + MIN, brandId: 'acme' }));
    await h.send(mention({ id: 'b', at: T0 + MIN })); // redelivered copy
    h.clock.now = T0 + 10 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual(['open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=2', 'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=1']);
    const stored = await h.store.getAlert('neg:nordtel:2026-11-20T10:00:00.000Z');
    expect(stored).toMatchObject({ state: 'resolved', revision: 2, ruleType: 'threshold', brandId: 'nordtel' });
  });

  it('after a restart mid-window neither forgets the building window nor fires again', async () => {
    const h = await harness(testConfig(['{ id: neg, type: threshold, brand: nordtel, count: 3, window: 10m }']), T0);
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
    expect(await h.published()).toEqual(['open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3', 'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=1']);
  });

  it('with Kafka-style ownership, warm-starts a brand when it first arrives and still neither forgets nor re-fires', async () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 3, window: 10m }']);
    const h = await harness(config, T0, { ownership: 'seen' });
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0 }));
    h.clock.now = T0 + 2 * MIN;
    await h.restart();
    await h.send(mention({ id: 'c', at: T0 + 2 * MIN })); // the brand's first mention for this instance
    h.clock.now = T0 + 3 * MIN;
    await h.restart();
    await h.send(mention({ id: 'd', at: T0 + 3 * MIN }), mention({ id: 'x', at: T0 + 3 * MIN, brandId: 'acme' }));
    h.clock.now = T0 + 12 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual(['open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3', 'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=1']);
  });

  it('applies silences sent as commands: it stores them and neither opens nor re-notifies what they cover', async () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 1, window: 10m }']);
    const h = await harness(config, T0);
    const silence = { id: 'maintenance', brandId: 'nordtel', until: new Date(T0 + 5 * MIN).toISOString(), reason: 'known outage', createdBy: 'ops' };
    await h.command({ kind: 'silence', id: 'maintenance', by: 'ops', at: new Date(T0).toISOString(), silence });
    expect(await h.store.listSilences(new Date(T0).toISOString())).toEqual([silence]);
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0, brandId: 'acme' }));
    h.clock.now = T0 + 5 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual(['open neg:acme:2026-11-20T10:00:00.000Z r1 n=1', 'open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=1']);
  });

  it('honours a silence another instance stored from the next mention it evaluates, not from its next tick', async () => {
    // On Kafka one instance of the command group reads a silence command and stores it; the brand's
    // owner may be another instance, which never reads that command and learns of it from the store.
    // Here the test stores the silences as that other instance does; this alerter owns the brands.
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 1, window: 10m, realert: 2m }']);
    const h = await harness(config, T0, { ownership: 'seen' });
    const acme = 'neg:acme:2026-11-20T10:00:00.000Z';
    const silenced = (id: string, brandId: string) => ({ id, brandId, until: new Date(T0 + 30 * MIN).toISOString(), reason: 'known outage', createdBy: 'ops' });
    await h.send(mention({ id: 'a', at: T0, brandId: 'acme' }));
    expect(await h.published()).toEqual([`open ${acme} r1 n=1`]);

    await h.store.addSilence(silenced('quiet-nordtel', 'nordtel'));
    h.clock.now = T0 + MIN;
    await h.send(mention({ id: 'b', at: T0 + MIN })); // would open an alert for nordtel
    await h.store.addSilence(silenced('quiet-acme', 'acme'));
    h.clock.now = T0 + 3 * MIN;
    await h.send(mention({ id: 'c', at: T0 + 3 * MIN, brandId: 'acme' })); // past realert: would tell acme's alert again

    expect(await h.published()).toEqual([`open ${acme} r1 n=1`]);
    h.clock.now = T0 + 4 * MIN;
    await h.alerter.tick();
    expect(await h.published()).toEqual([`open ${acme} r1 n=1`]);
  });

  it('applies acknowledgments sent as commands: the first one stands, on open and resolved alerts, republished at the same revision', async () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 1, window: 10m, realert: 2m }']);
    const h = await harness(config, T0);
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0, brandId: 'acme' }));
    const ack = (alertKey: string, brandId: string, by: string, at: number) => ({
      kind: 'acknowledge' as const,
      id: `${by}-${at}`,
      by,
      at: new Date(at).toISOString(),
      alertKey,
      brandId,
    });
    const nordtel = 'neg:nordtel:2026-11-20T10:00:00.000Z';
    const acme = 'neg:acme:2026-11-20T10:00:00.000Z';
    await h.command(
      ack(nordtel, 'nordtel', 'ops', T0 + MIN),
      ack(nordtel, 'nordtel', 'late', T0 + 2 * MIN),
      ack('neg:nordtel:no-such-window', 'nordtel', 'ops', T0),
    );
    h.clock.now = T0 + 4 * MIN; // past realert: only the unacknowledged acme alert is told again
    await h.alerter.tick();
    h.clock.now = T0 + 12 * MIN; // both resolve
    await h.alerter.tick();
    await h.command(ack(acme, 'acme', 'ops', T0 + 13 * MIN)); // a resolved alert: acknowledged on its stored copy
    const published = await h.published();
    // Per alert, in order (the two brands' partitions interleave freely).
    expect(published.filter((line) => line.includes(nordtel))).toEqual([`open ${nordtel} r1 n=1`, `open ${nordtel} r1 n=1`, `resolved ${nordtel} r2 n=0`]);
    expect(published.filter((line) => line.includes(acme))).toEqual([
      `open ${acme} r1 n=1`,
      `open ${acme} r2 n=1`,
      `resolved ${acme} r3 n=0`,
      `resolved ${acme} r3 n=0`,
    ]);
    expect(await h.store.getAlert(nordtel)).toMatchObject({
      state: 'resolved',
      revision: 2,
      acknowledgedBy: 'ops',
      acknowledgedAt: new Date(T0 + MIN).toISOString(),
    });
    expect(await h.store.getAlert(acme)).toMatchObject({
      state: 'resolved',
      revision: 3,
      acknowledgedBy: 'ops',
      acknowledgedAt: new Date(T0 + 13 * MIN).toISOString(),
    });
  });

  it('still applies an acknowledgment an older API left on alerts.commands (upgrade), beside those routed on mentions.by-brand', async () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 1, window: 10m, realert: 2m }']);
    const h = await harness(config, T0);
    await h.send(mention({ id: 'a', at: T0 }), mention({ id: 'b', at: T0, brandId: 'acme' }));
    const nordtel = 'neg:nordtel:2026-11-20T10:00:00.000Z';
    const acme = 'neg:acme:2026-11-20T10:00:00.000Z';
    const old = { kind: 'acknowledge' as const, id: 'old-api', by: 'ops', at: new Date(T0 + MIN).toISOString(), alertKey: nordtel, brandId: 'nordtel' };
    await h.bus.publish(TOPICS.alertCommands, [{ key: 'nordtel', value: encodeMessage('alert.command', old) }]);
    await h.command({ ...old, id: 'new-api', alertKey: acme, brandId: 'acme' });
    await expect.poll(async () => (await h.store.getAlert(nordtel))?.acknowledgedBy, { timeout: 5000, interval: 10 }).toBe('ops');
    h.clock.now = T0 + 4 * MIN; // past realert: neither is told again
    await h.alerter.tick();
    expect((await h.published()).filter((line) => !line.includes(' r1 '))).toEqual([]);
    expect(await h.store.getAlert(nordtel)).toMatchObject({ state: 'open', revision: 1, acknowledgedBy: 'ops' });
    expect(await h.store.getAlert(acme)).toMatchObject({ state: 'open', revision: 1, acknowledgedBy: 'ops' });
  });

  it('retries a batch whose alerts or silence the store refused, until it takes them: published at once, stored after, degraded meanwhile', async () => {
    let refusing = true;
    const refuse = () => {
      if (refusing) throw new Error('store unavailable');
    };
    const failing = (store: MentionStore): MentionStore =>
      Object.assign(Object.create(store) as MentionStore, {
        upsertAlert: async (alert: Parameters<MentionStore['upsertAlert']>[0]) => (refuse(), store.upsertAlert(alert)),
        addSilence: async (silence: Parameters<MentionStore['addSilence']>[0]) => (refuse(), store.addSilence(silence)),
      });
    const h = await harness(testConfig(['{ id: neg, type: threshold, brand: all, count: 1, window: 10m }']), T0, { wrapStore: failing });
    const key = 'neg:nordtel:2026-11-20T10:00:00.000Z';
    const silence = { id: 'maintenance', brandId: 'acme', until: new Date(T0 + 5 * MIN).toISOString(), reason: 'known outage', createdBy: 'ops' };
    await h.store.upsertMentions([mention({ id: 'a', at: T0 })]);
    await h.bus.publish(TOPICS.byBrand, [{ key: 'nordtel', value: encodeMessage('mention.enriched', mention({ id: 'a', at: T0 })) }]);
    await h.bus.publish(TOPICS.alertCommands, [
      { key: 'acme', value: encodeMessage('alert.command', { kind: 'silence', id: 'maintenance', by: 'ops', at: new Date(T0).toISOString(), silence }) },
    ]);
    await expect
      .poll(() => h.alerter.health(), { timeout: 5000, interval: 10 })
      .toMatchObject({
        status: 'degraded',
        details: { pendingAlerts: 1, lastFlushError: 'store unavailable', commands: { lastError: 'alerter-commands: retry later: store unavailable' } },
      });
    expect(await h.store.getAlert(key)).toBeUndefined();
    expect(await h.store.listSilences(new Date(T0).toISOString())).toEqual([]);

    refusing = false;
    await expect.poll(async () => (await h.store.getAlert(key))?.revision, { timeout: 5000, interval: 10 }).toBe(1);
    await expect.poll(async () => h.store.listSilences(new Date(T0).toISOString()), { timeout: 5000, interval: 10 }).toEqual([silence]);
    await expect.poll(() => h.alerter.health().status, { timeout: 5000, interval: 10 }).toBe('ok');
    // Each retry published it again: the same key and revision, which the notifier delivers once.
    expect(new Set(await h.published())).toEqual(new Set([`open ${key} r1 n=1`]));
  });
});

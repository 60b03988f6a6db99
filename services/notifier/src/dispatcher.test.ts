import { createMetrics, silentLogger } from '@earshot/observability';
import { createSqliteStore } from '@earshot/store/sqlite';
import { describe, expect, it } from 'vitest';
import type { ChannelSender, Notification } from './channels/channel.js';
import { DeliveryError } from './delivery-error.js';
import { createDispatcher } from './dispatcher.js';
import { alert, notifierConfig } from './testing/fixtures.js';

const store = createSqliteStore({ path: ':memory:' });

function recordingSender(behaviour: (n: Notification, attempt: number) => Promise<void> = async () => {}) {
  const sent: string[] = [];
  let attempts = 0;
  const sender: ChannelSender = {
    async send(n) {
      attempts++;
      await behaviour(n, attempts);
      sent.push(n.deliveryKey);
    },
    async close() {},
  };
  return { sender, sent, attempts: () => attempts };
}

const noSleep = { sleep: async () => {}, random: () => 0.5 };

describe('dispatcher', () => {
  const config = notifierConfig(
    ['{ id: a, type: webhook, url: "https://a.example.org", retries: 2 }', '{ id: b, type: webhook, url: "https://b.example.org" }'],
    ['{ channel: a }'],
  );
  const [aConfig, bConfig] = config.channels;

  it('delivers once per delivery key, however often it is asked', async () => {
    const a = recordingSender();
    const d = createDispatcher({ channels: [{ config: aConfig!, sender: a.sender }], store, logger: silentLogger(), metrics: createMetrics(), retry: noSleep });
    const n: Notification = { kind: 'alert', deliveryKey: 'a:k1:1', alert: alert() };
    const results = await Promise.all([d.enqueue('a', n), d.enqueue('a', n)]);
    expect(results.map((r) => r.result).sort()).toEqual(['delivered', 'duplicate']);
    expect((await d.enqueue('a', { ...n, deliveryKey: 'a:k1:2' })).result).toBe('delivered');
    expect(a.sent).toEqual(['a:k1:1', 'a:k1:2']);
  });

  it('retries retriable failures, gives up on others, and releases the claim when it gives up', async () => {
    const flaky = recordingSender(async (_n, attempt) => {
      if (attempt < 3) throw new DeliveryError('HTTP 503', { retriable: true });
    });
    const d = createDispatcher({
      channels: [{ config: aConfig!, sender: flaky.sender }],
      store,
      logger: silentLogger(),
      metrics: createMetrics(),
      retry: noSleep,
    });
    expect((await d.enqueue('a', { kind: 'alert', deliveryKey: 'a:k2:1', alert: alert() })).result).toBe('delivered');
    expect(flaky.attempts()).toBe(3);

    const broken = recordingSender(async () => {
      throw new DeliveryError('HTTP 404', { retriable: false });
    });
    const d2 = createDispatcher({
      channels: [{ config: aConfig!, sender: broken.sender }],
      store,
      logger: silentLogger(),
      metrics: createMetrics(),
      retry: noSleep,
    });
    expect((await d2.enqueue('a', { kind: 'alert', deliveryKey: 'a:k3:1', alert: alert() })).result).toBe('failed');
    expect(broken.attempts()).toBe(1);
    expect(d2.failures()).toEqual({ a: 'HTTP 404' });
    expect(await store.claimDelivery('a:k3:1')).toBe(true); // released, so a later attempt may deliver
  });

  it('records a delivery as done only after it succeeded; a resumed one takes over a claim left by a crash', async () => {
    const a = recordingSender();
    const d = createDispatcher({ channels: [{ config: aConfig!, sender: a.sender }], store, logger: silentLogger(), metrics: createMetrics(), retry: noSleep });
    const n: Notification = { kind: 'alert', deliveryKey: 'a:k5:1', alert: alert() };
    expect(await store.claimDelivery('a:k5:1')).toBe(true); // a process claimed it and died before a 2xx
    expect((await d.enqueue('a', n)).result).toBe('duplicate'); // a second sender leaves it alone
    expect((await d.enqueue('a', n, { resumed: true })).result).toBe('delivered'); // the resumed delivery sends it
    expect((await d.enqueue('a', n, { resumed: true })).result).toBe('duplicate'); // and then it is done
    expect(a.sent).toEqual(['a:k5:1']);
  });

  it('a channel that hangs does not hold up another', async () => {
    let release!: () => void;
    const hanging = recordingSender(() => new Promise<void>((resolve) => (release = resolve)));
    const fine = recordingSender();
    const d = createDispatcher({
      channels: [
        { config: aConfig!, sender: hanging.sender },
        { config: bConfig!, sender: fine.sender },
      ],
      store,
      logger: silentLogger(),
      metrics: createMetrics(),
      retry: noSleep,
    });
    const slow = d.enqueue('a', { kind: 'alert', deliveryKey: 'a:k4:1', alert: alert() });
    expect((await d.enqueue('b', { kind: 'alert', deliveryKey: 'b:k4:1', alert: alert() })).result).toBe('delivered');
    expect(fine.sent).toEqual(['b:k4:1']);
    release();
    expect((await slow).result).toBe('delivered');
  });
});

// A delivery cut short by a stop (or a crash) is not lost: the alert message was acknowledged only
// after the delivery was recorded as pending in the store, and the next start resumes it — once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { createMetrics, silentLogger } from '@earshot/observability';
import { encodeMessage, TOPICS } from '@earshot/schema';
import { createSqliteStore } from '@earshot/store/sqlite';
import { expect, it, vi } from 'vitest';
import { createNotifier } from './notifier.js';
import { alert, notifierConfig } from './testing/fixtures.js';
import { startHttpReceiver } from './testing/loopback-servers.js';

it('resumes a delivery interrupted by a stop, and delivers it once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-notifier-resume-'));
  const bus = createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 20 });
  const store = createSqliteStore({ path: join(dir, 'store.db') });
  const http = await startHttpReceiver();
  const config = notifierConfig(
    [`{ id: hook, type: webhook, url: "${http.url}/hook", retries: 5, retryDelay: 5s, allowPrivateNetwork: true }`],
    ['{ channel: hook }'],
  );
  const make = () => createNotifier({ config, bus, store, logger: silentLogger(), metrics: createMetrics(), stopGraceMs: 20 });
  try {
    http.failNext(503); // the first attempt fails; the retry would come 5 s later
    const first = make();
    await first.start();
    await bus.publish(TOPICS.alerts, [{ key: 'nordtel', value: encodeMessage('alert', alert()) }]);
    await vi.waitFor(async () => expect(await bus.lag('earshot-notifier', TOPICS.alerts)).toBe(0), { timeout: 5000, interval: 10 });
    await first.stop(); // mid back-off: the alert message is committed, the delivery is not done
    expect(http.requests).toEqual([]);

    const second = make();
    await second.start();
    await vi.waitFor(() => expect(http.requests).toHaveLength(1), { timeout: 5000, interval: 10 });
    await second.idle();
    await second.stop();

    const third = make(); // nothing left pending: nothing sent again
    await third.start();
    await third.idle();
    await third.stop();
    expect(http.requests.map((r) => r.headers['idempotency-key'])).toEqual(['hook:neg:nordtel:2026-11-20T10:00:00.000Z:1']);
  } finally {
    await bus.close();
    await store.close();
    await http.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// At-least-once alert delivery across a crash: the real `earshot notifier` process is SIGKILLed
// while a webhook delivery waits to be retried, started again, and the receiver (a real HTTP
// server on loopback) still gets the alert — possibly twice, always with the same idempotency key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { encodeMessage, TOPICS, type Alert } from '@earshot/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { alert } from '../../services/notifier/src/testing/fixtures.js';
import { startEarshot } from '../support/earshot-cli.js';

interface Attempt {
  status: number;
  idempotencyKey: string | undefined;
  body: string;
}

const ALERT = alert();

describe('alert delivery survives a SIGKILL during a retry wait', () => {
  let dir: string;
  let server: Server;
  let url: string;
  const attempts: Attempt[] = [];
  let failFirst = 1;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-delivery-kill-'));
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const status = failFirst-- > 0 ? 503 : 200;
        attempts.push({ status, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('resends the unfinished delivery after a restart, with the same idempotency key', async () => {
    const busPath = join(dir, 'bus.db');
    const configFile = join(dir, 'earshot.yaml');
    writeFileSync(
      configFile,
      `logLevel: info
brands:
  - { id: nordtel, name: Nordtel }
rules:
  - { id: neg, type: threshold, brand: all, count: 3, window: 10m }
channels:
  - { id: hook, type: webhook, url: "${url}/hook", retries: 5, retryDelay: 60s, retryMaxDelay: 60s, allowPrivateNetwork: true }
subscriptions:
  - { channel: hook }
bus: { kind: embedded, path: "${busPath}" }
store: { kind: sqlite, path: "${join(dir, 'store.db')}" }
`,
    );
    const bus = createEmbeddedBus({ path: busPath });
    await bus.ensureTopics([{ name: TOPICS.alerts, partitions: 4 }]);
    await bus.publish(TOPICS.alerts, [{ key: 'nordtel', value: encodeMessage('alert', ALERT) }]);
    await bus.close();

    const start = () => {
      const child = startEarshot(['notifier', '--config', configFile], { env: { LOG_LEVEL: 'info' } });
      let output = '';
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      children.push(child);
      return { child, output: () => output };
    };

    const first = start();
    // The first attempt is refused with a 503; the next would come a minute later.
    await vi.waitFor(() => expect(attempts, first.output()).toHaveLength(1), { timeout: 60_000, interval: 50 });
    expect(attempts[0]!.status).toBe(503);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = start();
    await vi.waitFor(
      () =>
        expect(
          attempts.filter((a) => a.status === 200),
          second.output(),
        ).toHaveLength(1),
      { timeout: 60_000, interval: 50 },
    );
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    const key = 'hook:neg:nordtel:2026-11-20T10:00:00.000Z:1';
    expect(attempts.map((a) => a.idempotencyKey)).toEqual([key, key]);
    const delivered = JSON.parse(attempts[1]!.body) as { type: string; alert: Alert };
    expect(delivered).toMatchObject({ type: 'alert', alert: { key: ALERT.key, revision: 1 } });

    // A third start finds nothing left to do: the 2xx marked the delivery done.
    const third = start();
    await new Promise((r) => setTimeout(r, 3000));
    third.child.kill('SIGTERM');
    await new Promise((resolve) => third.child.once('exit', resolve));
    expect(attempts).toHaveLength(2);
  });
});

// Deliveries on real servers on loopback: a webhook receiver that checks the HMAC signature, a
// stand-in for Slack's incoming webhook, and an SMTP server (smtp-server) receiving the e-mail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { PassThrough } from 'node:stream';
import { createLogger, createMetrics, type Metrics } from '@earshot/observability';
import { encodeMessage, TOPICS, type Alert } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNotifier, type Notifier } from './notifier.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './sign-payload.js';
import { alert, notifierConfig } from './testing/fixtures.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './testing/loopback-servers.js';
import { parseMail } from './testing/mail-text.js';

const SECRET = 'webhook-secret-for-tests';

describe('notifier deliveries (loopback HTTP and SMTP)', () => {
  let dir: string;
  let bus: Bus;
  let store: MentionStore;
  let metrics: Metrics;
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let notifier: Notifier;
  const clock = { now: Date.parse('2026-11-20T10:05:00.000Z') };
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-notifier-'));
    bus = createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 20 });
    store = createSqliteStore({ path: join(dir, 'store.db') });
    metrics = createMetrics();
    http = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    const fast = 'retries: 3, retryDelay: 10ms, retryMaxDelay: 50ms, allowPrivateNetwork: true';
    const config = notifierConfig(
      [
        `{ id: hook, type: webhook, url: "${http.url}/hook", secret: "\${HOOK_SECRET}", ${fast} }`,
        `{ id: slack, type: slack, url: "${http.url}/slack", link: "https://earshot.example.org/alerts/{key}", ${fast} }`,
        `{ id: mail, type: email, host: 127.0.0.1, port: ${smtp.port}, from: "earshot@example.org", to: [oncall@example.org, pr@example.org], ${fast} }`,
        `{ id: guarded, type: webhook, url: "${http.url}/guarded", retries: 0 }`,
        `{ id: digest-mail, type: email, host: 127.0.0.1, port: ${smtp.port}, from: "earshot@example.org", to: [marketing@example.org], ${fast} }`,
      ],
      [
        '{ channel: hook }',
        '{ channel: slack }',
        '{ channel: mail, minSeverity: warning }',
        '{ channel: guarded }',
        '{ channel: hook, brand: nordtel }',
        '{ id: hourly-summary, channel: digest-mail, digest: hourly }',
      ],
      { HOOK_SECRET: SECRET },
    );
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
    const logger = createLogger({ level: 'debug', destination: logStream });
    notifier = createNotifier({ config, bus, store, logger, metrics, now: () => new Date(clock.now) });
    await notifier.start();
  });

  afterAll(async () => {
    await notifier.stop();
    await bus.close();
    await store.close();
    await http.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function publish(a: Alert) {
    await bus.publish(TOPICS.alerts, [{ key: a.brandId, value: encodeMessage('alert', a) }]);
    await vi.waitFor(async () => expect(await bus.lag(notifier.consumes.groupId, notifier.consumes.topic)).toBe(0), { timeout: 5000, interval: 10 });
    await notifier.idle();
  }
  const on = (path: string) => http.requests.filter((r) => r.path === path);
  const mailTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  it('delivers one alert on every channel: signed webhook, readable Slack message, e-mail to each recipient', async () => {
    http.failNext(503, 503); // the webhook's first two attempts fail: retried with back-off
    await publish(alert());

    const hooks = on('/hook');
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(
      verifySignature({
        secret: SECRET,
        timestamp: String(hook.headers[TIMESTAMP_HEADER]),
        body: hook.body,
        signature: String(hook.headers[SIGNATURE_HEADER]),
        nowSeconds: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
    expect(
      verifySignature({
        secret: 'wrong',
        timestamp: String(hook.headers[TIMESTAMP_HEADER]),
        body: hook.body,
        signature: String(hook.headers[SIGNATURE_HEADER]),
      }),
    ).toBe(false);
    expect(hook.headers['idempotency-key']).toBe('hook:neg:nordtel:2026-11-20T10:00:00.000Z:1');
    expect(JSON.parse(hook.body)).toMatchObject({ type: 'alert', alert: { key: 'neg:nordtel:2026-11-20T10:00:00.000Z', revision: 1, count: 3 } });

    const slack = on('/slack');
    expect(slack).toHaveLength(1);
    const payload = JSON.parse(slack[0]!.body) as { text: string; blocks: { text?: { text: string } }[] };
    expect(payload.text).toBe('[WARNING] Nordtel: 3 negative mentions in 10m — 3 negative mentions about Nordtel within 10m (threshold 3).');
    const blockText = payload.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(blockText).toContain('<https://reviews.example.org/m1|Не покупайте Nordtel>');
    expect(blockText).toContain('Nordtel &lt;outage&gt; &amp; more');
    expect(blockText).toContain('<https://earshot.example.org/alerts/neg%3Anordtel%3A2026-11-20T10%3A00%3A00.000Z|Open in Earshot>');

    expect(mailTo('oncall@example.org')).toHaveLength(1);
    const mail = mailTo('oncall@example.org')[0]!;
    expect(mail.from).toBe('earshot@example.org');
    expect(mail.to).toEqual(['oncall@example.org', 'pr@example.org']);
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.subject).toBe('[Earshot] [WARNING] Nordtel: 3 negative mentions in 10m');
    expect(parsed.text).toContain('3 negative mentions about Nordtel within 10m (threshold 3).');
    expect(parsed.text).toContain('- Не покупайте Nordtel (negative, ru): Не покупайте их тариф, поддержка молчит.\n  https://reviews.example.org/m1');

    // The channel without allowPrivateNetwork refuses the loopback target and tells nobody else.
    expect(on('/guarded')).toEqual([]);
    const deliveries = await metrics.registry.getSingleMetricAsString('earshot_deliveries_total');
    expect(deliveries).toContain('earshot_deliveries_total{channel="webhook",result="failed"} 1');
  });

  it('never delivers the same alert state twice, and delivers the next revision', async () => {
    await publish(alert()); // redelivered revision 1
    expect(on('/hook')).toHaveLength(1);
    expect(on('/slack')).toHaveLength(1);
    expect(mailTo('oncall@example.org')).toHaveLength(1);

    await publish(alert({ state: 'resolved', revision: 2, resolvedAt: '2026-11-20T10:20:00.000Z' }));
    expect(on('/hook')).toHaveLength(2);
    expect(JSON.parse(on('/hook')[1]!.body)).toMatchObject({ alert: { state: 'resolved', revision: 2 } });
    expect(JSON.parse(on('/slack')[1]!.body).text).toMatch(/^\[RESOLVED\] /);
    expect(parseMail(mailTo('oncall@example.org')[1]!.raw).headers.subject).toBe('[Earshot] [RESOLVED] Nordtel: 3 negative mentions in 10m');
  });

  it('sends one hourly digest per subscriber when the hour ends, and only once', async () => {
    await publish(
      alert({
        key: 'wom:acme:2026-11-20T10:30:00.000Z',
        ruleId: 'wom',
        ruleType: 'high-impact',
        brandId: 'acme',
        severity: 'critical',
        title: 'Acme: high-impact mention',
      }),
    );
    expect(mailTo('marketing@example.org')).toEqual([]); // collected, not sent
    await Promise.all(await notifier.flushDigests());
    expect(mailTo('marketing@example.org')).toEqual([]); // the hour is not over
    clock.now = Date.parse('2026-11-20T11:00:00.000Z');
    await Promise.all(await notifier.flushDigests());
    await Promise.all(await notifier.flushDigests());
    const digests = mailTo('marketing@example.org');
    expect(digests).toHaveLength(1);
    const { headers, text } = parseMail(digests[0]!.raw);
    expect(headers.subject).toBe('[Earshot] Digest: 2 alerts (2026-11-20T10:00:00.000Z to 2026-11-20T11:00:00.000Z)');
    expect(text).toContain('- [RESOLVED] Nordtel: 3 negative mentions in 10m (3 mentions');
    expect(text).toContain('- [CRITICAL] Acme: high-impact mention (3 mentions');
  });

  it('never logs a secret or a channel URL', () => {
    expect(logLines.length).toBeGreaterThan(5);
    const all = logLines.join('\n');
    expect(all).toContain('"deliveryKey":"hook:neg:nordtel:2026-11-20T10:00:00.000Z:1"');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('/slack');
    expect(all).not.toContain('/hook');
  });
});

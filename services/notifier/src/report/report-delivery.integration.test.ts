// Scheduled reports delivered for real: an e-mail with the report as HTML (SVG charts inline) and
// text to a loopback SMTP server, and the report as JSON to a webhook, each once, at 09:00 on the
// reader's clock; a report subscriber gets no single-alert messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { createMetrics, silentLogger } from '@earshot/observability';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier, type Notifier } from '../notifier.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from '../testing/loopback-servers.js';
import { mailParts, parseMail } from '../testing/mail-text.js';
import { reportAlerts, reportConfig, reportMentions } from '../testing/report-seed.js';

describe('scheduled reports (loopback SMTP and HTTP)', () => {
  let dir: string;
  let bus: Bus;
  let store: MentionStore;
  let smtp: SmtpReceiver;
  let http: HttpReceiver;
  let notifier: Notifier;
  const clock = { now: Date.parse('2026-11-20T12:00:00.000Z') }; // a Friday

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-report-'));
    bus = createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 20 });
    store = createSqliteStore({ path: join(dir, 'store.db') });
    await store.upsertMentions(reportMentions());
    for (const a of reportAlerts()) await store.upsertAlert(a);
    smtp = await startSmtpReceiver();
    http = await startHttpReceiver();
    const fast = 'retries: 2, retryDelay: 10ms, allowPrivateNetwork: true';
    const config = reportConfig(`
rules:
  - { id: neg, type: threshold, brand: all, count: 3, window: 10m }
channels:
  - { id: mail, type: email, host: 127.0.0.1, port: ${smtp.port}, from: "earshot@example.org", to: [marketing@example.org], ${fast} }
  - { id: hook, type: webhook, url: "${http.url}/reports", ${fast} }
subscriptions:
  - { id: weekly-mail, channel: mail, brand: nordtel, report: { schedule: weekly, weekday: monday, hour: 9, timeZone: Europe/Tallinn } }
  - { id: daily-hook, channel: hook, report: { schedule: daily, hour: 9, timeZone: America/New_York } }
`);
    notifier = createNotifier({
      config,
      bus,
      store,
      logger: silentLogger(),
      metrics: createMetrics(),
      now: () => new Date(clock.now),
      digestCheckIntervalMs: 3_600_000,
    });
    await notifier.start();
  });

  afterAll(async () => {
    await notifier.stop();
    await bus.close();
    await store.close();
    await smtp.close();
    await http.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const flush = async () => void (await Promise.all(await notifier.flushDigests()));

  it('sends nothing for the past at first start, and no single alerts to report subscribers', async () => {
    await flush();
    await Promise.all(await notifier.route(reportAlerts()[0]!));
    await notifier.idle();
    expect(smtp.messages).toEqual([]);
    expect(http.requests).toEqual([]);
    expect((await notifier.health()).details).toMatchObject({
      nextReports: { 'weekly-mail': '2026-11-23T07:00:00.000Z', 'daily-hook': '2026-11-20T14:00:00.000Z' },
    });
  });

  it('e-mails the weekly report on Monday 09:00 Tallinn time, once, with its charts inline', async () => {
    clock.now = Date.parse('2026-11-23T06:59:00.000Z'); // 08:59 in Tallinn
    await flush();
    expect(smtp.messages).toEqual([]);
    clock.now = Date.parse('2026-11-23T07:00:30.000Z'); // 09:00:30
    await flush();
    await flush();
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toEqual(['marketing@example.org']);
    expect(parseMail(mail.raw).headers.subject).toBe('[Earshot] Nordtel: weekly report');
    const parts = mailParts(mail.raw);
    const html = parts.find((p) => p.headers['content-type']?.startsWith('text/html'))!;
    const text = parts.find((p) => p.headers['content-type']?.startsWith('text/plain'))!;
    expect(html.text).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*data-chart="share-of-voice">[\s\S]*<\/svg>/);
    expect(html.text).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*data-chart="timeline">[\s\S]*<\/svg>/);
    expect(html.text).toContain('16 Nov 2026, 09:00 – 23 Nov 2026, 09:00 (Europe/Tallinn)');
    expect(html.text).toContain('Nordtel: &quot;don&#39;t buy&quot; &lt;warning&gt; spreading');
    expect(text.text).toContain('- Nordtel: 6 mentions (+200%), negative 50% (±0 pts), net sentiment -20 (-20 pts)');
    // The daily webhook report missed three days while the clock jumped: only the latest one went out.
    expect(http.requests.map((r) => (JSON.parse(r.body) as { deliveryKey: string }).deliveryKey)).toEqual(['hook:report:daily-hook:2026-11-22T14:00:00.000Z']);
  });

  it('posts the daily report as JSON at 09:00 New York time', async () => {
    // 2026-11-23T07:00Z was 02:00 in New York: the next daily report is due at 14:00Z.
    clock.now = Date.parse('2026-11-23T13:59:00.000Z');
    await flush();
    expect(http.requests).toHaveLength(1);
    clock.now = Date.parse('2026-11-23T14:00:00.000Z');
    await flush();
    expect(http.requests).toHaveLength(2);
    const body = JSON.parse(http.requests[1]!.body) as {
      type: string;
      deliveryKey: string;
      report: { period: { from: string; to: string }; shareOfVoice: unknown[] };
    };
    expect(body.type).toBe('report');
    expect(body.deliveryKey).toBe('hook:report:daily-hook:2026-11-23T14:00:00.000Z');
    expect(body.report.period).toEqual({ from: '2026-11-22T14:00:00.000Z', to: '2026-11-23T14:00:00.000Z' });
    expect(body.report.shareOfVoice).toHaveLength(2);
    expect(smtp.messages).toHaveLength(1); // the weekly report is not due again
  });
});

// An explained alert on every channel, delivered to real receivers on loopback: the webhook gets the
// evidence as JSON, Slack gets it as blocks with user text escaped for mrkdwn, the e-mail gets it in
// both the text and the HTML part with user text escaped as HTML.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '@earshot/bus';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { createLogger, createMetrics } from '@earshot/observability';
import { encodeMessage, TOPICS, type Alert } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNotifier, type Notifier } from './notifier.js';
import { hostileEvidence } from './testing/evidence-fixture.js';
import { alert, notifierConfig } from './testing/fixtures.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './testing/loopback-servers.js';
import { parseMail } from './testing/mail-text.js';

describe('explained alerts on every channel (loopback HTTP and SMTP)', () => {
  let dir: string;
  let bus: Bus;
  let store: MentionStore;
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let notifier: Notifier;
  const explained: Alert = alert({ evidence: hostileEvidence() });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-evidence-'));
    bus = createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 20 });
    store = createSqliteStore({ path: join(dir, 'store.db') });
    http = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    const fast = 'retries: 1, retryDelay: 10ms, allowPrivateNetwork: true';
    const config = notifierConfig(
      [
        `{ id: hook, type: webhook, url: "${http.url}/hook", ${fast} }`,
        `{ id: slack, type: slack, url: "${http.url}/slack", ${fast} }`,
        `{ id: mail, type: email, host: 127.0.0.1, port: ${smtp.port}, from: "earshot@example.org", to: [oncall@example.org], ${fast} }`,
      ],
      ['{ channel: hook }', '{ channel: slack }', '{ channel: mail }'],
    );
    notifier = createNotifier({
      config,
      bus,
      store,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      now: () => new Date('2026-11-20T10:05:00.000Z'),
    });
    await notifier.start();
    await bus.publish(TOPICS.alerts, [{ key: explained.brandId, value: encodeMessage('alert', explained) }]);
    await vi.waitFor(async () => expect(await bus.lag('earshot-notifier', TOPICS.alerts)).toBe(0), { timeout: 5000, interval: 10 });
    await notifier.idle();
  });

  afterAll(async () => {
    await notifier.stop();
    await bus.close();
    await store.close();
    await http.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('webhook: the evidence as sent, field for field', () => {
    const hooks = http.requests.filter((r) => r.path === '/hook');
    expect(hooks).toHaveLength(1);
    expect((JSON.parse(hooks[0]!.body) as { alert: Alert }).alert.evidence).toEqual(hostileEvidence());
  });

  it('Slack: a Why section and the driving mentions, user text unable to ping or link', () => {
    const slack = http.requests.filter((r) => r.path === '/slack');
    expect(slack).toHaveLength(1);
    const { blocks } = JSON.parse(slack[0]!.body) as { blocks: { type: string; text?: { text: string } }[] };
    const text = blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain('*Why*\n*Volume* 4 in the window, 24× the usual 0.17 per window (baseline 1d, 20 mentions)');
    expect(text).toContain('*Phrases* “network outage” 4 (new) · “&lt;!here&gt; tallinn” 2 (×3.5)');
    expect(text).toContain('*Topics* network 4 (new)');
    expect(text).toContain('*Languages* et 3 · en 1');
    expect(text).toContain('*Sources* forum 3 · reviews 1');
    expect(text).toContain(
      '<https://forum.example.org/t/9?a=1&amp;b=2%7Cx%3Ey|Outage &lt;!channel&gt; &amp; &lt;b&gt;bold&lt;/b&gt;> _(negative -0.9 · reach 42000 · forum · et · highest reach, most negative)_\n>Nordtel is down &lt;script&gt;alert("x")&lt;/script&gt; again &lt;@U123&gt;',
    );
    expect(text).toContain('Click me _(negative -0.4 · reviews · most negative)_'); // no link from a javascript: URL
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<javascript:/);
  });

  it('e-mail: the evidence in the text part and, escaped, in the HTML part', () => {
    const mails = smtp.messages.filter((m) => m.to.includes('oncall@example.org'));
    expect(mails).toHaveLength(1);
    const { text, html } = parseMail(mails[0]!.raw);
    expect(text).toContain('Why:\n- Volume: 4 in the window, 24× the usual 0.17 per window (baseline 1d, 20 mentions)\n- Phrases: “network outage” 4 (new)');
    expect(text).toContain('Driving mentions:\n- Outage <!channel> & <b>bold</b> (negative -0.9 · reach 42000 · forum · et · highest reach, most negative)');
    expect(html).toBeDefined();
    expect(html).toContain('<h3>Why</h3>');
    expect(html).toContain('<tr><th align="left">Volume</th><td>4 in the window, 24× the usual 0.17 per window (baseline 1d, 20 mentions)</td></tr>');
    expect(html).toContain('<a href="https://forum.example.org/t/9?a=1&amp;b=2|x&gt;y">Outage &lt;!channel&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</a>');
    expect(html).toContain('<q>Nordtel is down &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; again &lt;@U123&gt;</q>');
    expect(html).not.toMatch(/<script|<b>|href="javascript:/i);
  });
});

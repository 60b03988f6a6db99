// The notifier's SSRF guard on real loopback servers, names mapped by a fake resolver: webhooks and
// e-mail resolve, check and connect to the checked address (no handshake with a refused peer), and
// SMTP keeps certificate checks on even for a channel allowed onto a private network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelConfig } from '@earshot/config';
import { fakeResolver, testTls } from '@earshot/net/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailChannel } from './channels/email.js';
import type { Notification } from './channels/channel.js';
import { createHttpPoster } from './http-post.js';
import { alert } from './testing/fixtures.js';
import { startSmtpReceiver, type SmtpReceiver } from './testing/loopback-servers.js';

type EmailConfig = Extract<ChannelConfig, { type: 'email' }>;
const notification: Notification = { kind: 'alert', deliveryKey: 'mail:test:1', alert: alert() };
const email = (over: Partial<EmailConfig>): EmailConfig =>
  ({
    id: 'mail',
    type: 'email',
    host: 'mail.test',
    port: 25,
    secure: false,
    from: 'earshot@example.org',
    to: ['oncall@example.org'],
    timeout: 5000,
    retries: 0,
    retryDelay: 10,
    retryMaxDelay: 10,
    allowPrivateNetwork: false,
    ...over,
  }) as EmailConfig;

describe('notifier SSRF guard (loopback servers)', () => {
  let web: Server;
  let webPort: number;
  let webConnections = 0;
  let plain: SmtpReceiver;
  let selfSigned: SmtpReceiver;
  let trusted: SmtpReceiver;
  beforeAll(async () => {
    web = createServer((_req, res) => res.writeHead(200).end('ok'));
    web.on('connection', () => webConnections++);
    await new Promise<void>((ok) => web.listen(0, '127.0.0.1', ok));
    webPort = (web.address() as AddressInfo).port;
    plain = await startSmtpReceiver();
    selfSigned = await startSmtpReceiver({ starttls: 'self-signed' });
    const { cert, key } = testTls();
    trusted = await startSmtpReceiver({ starttls: { cert, key } });
  });
  afterAll(async () => {
    web.closeAllConnections();
    await new Promise<void>((ok) => web.close(() => ok()));
    await Promise.all([plain.close(), selfSigned.close(), trusted.close()]);
  });

  it('webhook: refuses a private target before any TCP handshake, by IP literal or by name', async () => {
    const dns = fakeResolver({ 'hooks.test': '127.0.0.1' });
    const poster = createHttpPoster({ timeoutMs: 5000, allowPrivateNetwork: false, resolve: dns.resolve });
    await expect(poster.post(`http://127.0.0.1:${webPort}/hook`, '{}', {})).rejects.toThrow(/refused: the target is a private or loopback address/);
    await expect(poster.post(`http://hooks.test:${webPort}/hook`, '{}', {})).rejects.toThrow(/refused/);
    expect(webConnections).toBe(0);
    await poster.close();
    const allowed = createHttpPoster({ timeoutMs: 5000, allowPrivateNetwork: true, resolve: dns.resolve });
    expect((await allowed.post(`http://hooks.test:${webPort}/hook`, '{}', {})).status).toBe(200);
    await allowed.close();
  });

  it('e-mail: a private SMTP host is refused without connecting', async () => {
    const dns = fakeResolver({ 'mail.test': '127.0.0.1' });
    const channel = createEmailChannel(email({ port: plain.port }), { resolve: dns.resolve });
    await expect(channel.send(notification)).rejects.toThrow(/refused: the SMTP host is a private or loopback address/);
    expect(plain.connections).toBe(0);
    await channel.close();
  });

  it('e-mail: resolves once and connects to the checked address, the host name kept for STARTTLS', async () => {
    const dns = fakeResolver({ 'mail.test': '127.0.0.1' });
    const channel = createEmailChannel(email({ port: trusted.port, allowPrivateNetwork: true }), { resolve: dns.resolve, ca: testTls().ca });
    await channel.send(notification);
    expect(trusted.messages).toHaveLength(1);
    expect(trusted.servernames).toEqual(['mail.test']);
    expect(dns.calls).toEqual(['mail.test']);
    await channel.close();
  });

  it('e-mail: certificate checks stay on when allowPrivateNetwork is set (a self-signed STARTTLS server is refused)', async () => {
    const channel = createEmailChannel(email({ host: '127.0.0.1', port: selfSigned.port, allowPrivateNetwork: true }));
    await expect(channel.send(notification)).rejects.toThrow(/SMTP delivery failed/);
    expect(selfSigned.messages).toEqual([]);
    await channel.close();
  });
});

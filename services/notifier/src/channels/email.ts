// E-mail over SMTP with nodemailer: subject = the headline, a plain-text and an HTML body
// (format-alert-html.ts) with the samples, the evidence and a link; a report brings its own HTML
// part (charts inline as SVG). SMTP 4xx replies and connection failures are retriable, 5xx are not.
// The SMTP host is resolved once per message, checked (private hosts refused unless the channel
// allows them) and the checked address is what nodemailer connects to, with the host name kept for
// TLS (SNI and the certificate check, which stays on whatever allowPrivateNetwork says).
import type { ChannelConfig } from '@earshot/config';
import { createAddressPolicy, resolveHost, systemResolver } from '@earshot/net';
import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import { DeliveryError } from '../delivery-error.js';
import { notificationSubject, notificationText } from '../format-alert.js';
import { notificationHtml } from '../format-alert-html.js';
import type { ChannelFactory } from './channel.js';

type EmailConfig = Extract<ChannelConfig, { type: 'email' }>;

export const createEmailChannel: ChannelFactory<EmailConfig> = (config, deps = {}) => {
  const policy = createAddressPolicy();
  const resolve = deps.resolve ?? systemResolver;

  async function checkedAddress(): Promise<string> {
    let found;
    try {
      found = await resolveHost(config.host, resolve);
    } catch (err) {
      throw new DeliveryError(`SMTP host not resolved: ${(err as NodeJS.ErrnoException).code ?? (err as Error).name}`, { retriable: true, cause: err });
    }
    const usable = config.allowPrivateNetwork ? found : found.filter((a) => !policy.isPrivate(a.address));
    if (!usable[0]) throw new DeliveryError('refused: the SMTP host is a private or loopback address; allowPrivateNetwork is off', { retriable: false });
    return usable[0].address;
  }

  return {
    async send(n) {
      try {
        const address = await checkedAddress();
        const transport = createTransport({
          host: address,
          port: config.port,
          secure: config.secure,
          ...(config.username ? { auth: { user: config.username, pass: config.password ?? '' } } : {}),
          connectionTimeout: config.timeout,
          greetingTimeout: config.timeout,
          socketTimeout: config.timeout,
          tls: { ...(isIP(config.host) ? {} : { servername: config.host }), ...(deps.ca ? { ca: deps.ca } : {}) },
        });
        try {
          await transport.sendMail({
            from: config.from,
            to: config.to,
            subject: notificationSubject(n),
            text: notificationText(n, config.link),
            html: n.kind === 'report' ? n.html : notificationHtml(n, config.link),
            headers: { 'X-Earshot-Delivery': n.deliveryKey },
          });
        } finally {
          transport.close();
        }
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const e = err as Error & { responseCode?: number; code?: string };
        const retriable = e.responseCode === undefined || (e.responseCode >= 400 && e.responseCode < 500);
        throw new DeliveryError(`SMTP delivery failed: ${e.responseCode ?? e.code ?? e.name}`, { retriable, cause: err });
      }
    },
    async close() {},
  };
};

// E-mail over SMTP with nodemailer: subject = the headline, a plain-text body with the samples and
// a link (a report also has its HTML part, charts inline as SVG). SMTP 4xx replies and connection failures are retriable, 5xx are not. Private SMTP hosts
// are refused unless the channel allows them (the address is resolved and checked before sending).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ChannelConfig } from '@earshot/config';
import { createTransport } from 'nodemailer';
import { DeliveryError } from '../delivery-error.js';
import { notificationSubject, notificationText } from '../format-alert.js';
import { createAddressPolicy } from '@earshot/net';
import type { ChannelFactory } from './channel.js';

type EmailConfig = Extract<ChannelConfig, { type: 'email' }>;

export const createEmailChannel: ChannelFactory<EmailConfig> = (config) => {
  const policy = createAddressPolicy();
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.username ? { auth: { user: config.username, pass: config.password ?? '' } } : {}),
    connectionTimeout: config.timeout,
    greetingTimeout: config.timeout,
    socketTimeout: config.timeout,
    // Loopback test servers have self-signed certificates; elsewhere certificates are checked.
    tls: { rejectUnauthorized: !config.allowPrivateNetwork },
  });

  async function checkHost() {
    if (config.allowPrivateNetwork) return;
    const addresses = isIP(config.host) ? [config.host] : (await lookup(config.host, { all: true })).map((a) => a.address);
    if (addresses.some((a) => policy.isPrivate(a))) {
      throw new DeliveryError('refused: the SMTP host is a private or loopback address; allowPrivateNetwork is off', { retriable: false });
    }
  }

  return {
    async send(n) {
      try {
        await checkHost();
        await transport.sendMail({
          from: config.from,
          to: config.to,
          subject: notificationSubject(n),
          text: notificationText(n, config.link),
          ...(n.kind === 'report' ? { html: n.html } : {}),
          headers: { 'X-Earshot-Delivery': n.deliveryKey },
        });
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const e = err as Error & { responseCode?: number; code?: string };
        const retriable = e.responseCode === undefined || (e.responseCode >= 400 && e.responseCode < 500);
        throw new DeliveryError(`SMTP delivery failed: ${e.responseCode ?? e.code ?? e.name}`, { retriable, cause: err });
      }
    },
    async close() {
      transport.close();
    },
  };
};

// Generic webhook: the alert (or digest) as JSON, signed with HMAC-SHA256 when the channel has a
// secret, with an idempotency key (subscriber + alert key + revision) so a receiver can drop repeats.
import type { ChannelConfig } from '@earshot/config';
import { createHttpPoster } from '../http-post.js';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from '../sign-payload.js';
import type { ChannelFactory, Notification } from './channel.js';

type WebhookConfig = Extract<ChannelConfig, { type: 'webhook' }>;

export function webhookBody(n: Notification): string {
  if (n.kind === 'report') return JSON.stringify({ type: 'report', deliveryKey: n.deliveryKey, subscription: n.subscriptionId, report: n.report });
  return n.kind === 'alert'
    ? JSON.stringify({ type: 'alert', deliveryKey: n.deliveryKey, alert: n.alert })
    : JSON.stringify({
        type: 'digest',
        deliveryKey: n.deliveryKey,
        subscription: n.subscriptionId,
        periodStart: n.periodStart,
        periodEnd: n.periodEnd,
        alerts: n.alerts,
      });
}

export const createWebhookChannel: ChannelFactory<WebhookConfig> = (config) => {
  const poster = createHttpPoster({ timeoutMs: config.timeout, allowPrivateNetwork: config.allowPrivateNetwork });
  return {
    async send(n, signal) {
      const body = webhookBody(n);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = { [IDEMPOTENCY_HEADER]: n.deliveryKey, [TIMESTAMP_HEADER]: timestamp };
      if (config.secret) headers[SIGNATURE_HEADER] = signPayload(config.secret, timestamp, body);
      const answer = await poster.post(config.url, body, headers, signal);
      return { responseTruncated: answer.truncated };
    },
    close: () => poster.close(),
  };
};

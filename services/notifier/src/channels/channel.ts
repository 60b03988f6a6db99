// What a channel type implements: send one notification (a single alert state or a digest) to its
// destination, or throw a DeliveryError saying whether to retry. Retries, deduplication and queues
// are the dispatcher's, so a channel type is only about its wire format.
import type { ChannelConfig } from '@earshot/config';
import type { Alert } from '@earshot/schema';

export type Notification =
  | { kind: 'alert'; deliveryKey: string; alert: Alert }
  | { kind: 'digest'; deliveryKey: string; subscriptionId: string; periodStart: string; periodEnd: string; alerts: Alert[] };

/** What a successful send may report: the receiver's answer was longer than we read (the rest dropped). */
export interface SendReceipt {
  responseTruncated?: boolean;
}

export interface ChannelSender {
  send(notification: Notification, signal?: AbortSignal): Promise<SendReceipt | void>;
  close(): Promise<void>;
}

export type ChannelFactory<C extends ChannelConfig = ChannelConfig> = (config: C) => ChannelSender;

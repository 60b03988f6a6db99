// What a channel type implements: send one notification (a single alert state or a digest) to its
// destination, or throw a DeliveryError saying whether to retry. Retries, deduplication and queues
// are the dispatcher's, so a channel type is only about its wire format.
import type { ChannelConfig } from '@earshot/config';
import type { Resolver } from '@earshot/net';
import type { Alert } from '@earshot/schema';
import type { ReportData } from '../report/build-report.js';

export type Notification =
  | { kind: 'alert'; deliveryKey: string; alert: Alert }
  | { kind: 'digest'; deliveryKey: string; subscriptionId: string; periodStart: string; periodEnd: string; alerts: Alert[] }
  | { kind: 'report'; deliveryKey: string; subscriptionId: string; subject: string; text: string; html: string; report: ReportData };

/** What a successful send may report: the receiver's answer was longer than we read (the rest dropped). */
export interface SendReceipt {
  responseTruncated?: boolean;
}

export interface ChannelSender {
  send(notification: Notification, signal?: AbortSignal): Promise<SendReceipt | void>;
  close(): Promise<void>;
}

/** What a channel may be given besides its config (tests: a resolver for made-up names, a test CA). */
export interface ChannelDeps {
  resolve?: Resolver;
  /** Extra trusted CA certificates (PEM). */
  ca?: string;
}

export type ChannelFactory<C extends ChannelConfig = ChannelConfig> = (config: C, deps?: ChannelDeps) => ChannelSender;

// Channel type → sender factory. Adding a channel type: its schema in packages/config/src/channels.ts,
// a sender file beside this one, and one line here.
import type { ChannelConfig, ChannelType } from '@earshot/config';
import type { ChannelFactory, ChannelSender } from './channel.js';
import { createEmailChannel } from './email.js';
import { createSlackChannel } from './slack.js';
import { createWebhookChannel } from './webhook.js';

type Registry = { [T in ChannelType]: ChannelFactory<Extract<ChannelConfig, { type: T }>> };

export const CHANNELS: Registry = {
  webhook: createWebhookChannel,
  slack: createSlackChannel,
  email: createEmailChannel,
};

export function createChannelSender(config: ChannelConfig): ChannelSender {
  return (CHANNELS[config.type] as ChannelFactory)(config);
}

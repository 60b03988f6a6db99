// Slack incoming webhook: a readable message — headline, summary, the sample mentions with links,
// why it fired (slack-evidence.ts), and a link to the details — as `text` (for notifications) plus
// Block Kit blocks.
import type { ChannelConfig } from '@earshot/config';
import type { Alert } from '@earshot/schema';
import { alertHeadline, alertLink, extraSamples, notificationText } from '../format-alert.js';
import { createHttpPoster } from '../http-post.js';
import type { ChannelFactory, Notification } from './channel.js';
import { evidenceBlocks } from './slack-evidence.js';
import { escapeMrkdwn as escape, mrkdwnLink } from './slack-text.js';

type SlackConfig = Extract<ChannelConfig, { type: 'slack' }>;

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2900) } });

function alertBlocks(alert: Alert, link: string | undefined): unknown[] {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: alertHeadline(alert).slice(0, 150) } },
    section(`${escape(alert.summary)}\n*Rule* ${escape(alert.ruleId)} · *severity* ${alert.severity} · *brand* ${escape(alert.brandId)}`),
  ];
  for (const s of extraSamples(alert))
    blocks.push(section(`${mrkdwnLink(s.url, s.title)}${s.sentiment ? ` _(${s.sentiment})_` : ''}\n>${escape(s.text.replace(/\s+/g, ' '))}`));
  blocks.push(...evidenceBlocks(alert));
  if (link) blocks.push(section(mrkdwnLink(link, 'Open in Earshot')));
  return blocks;
}

export function slackPayload(n: Notification, linkTemplate?: string): { text: string; blocks: unknown[] } {
  if (n.kind === 'alert') {
    const link = alertLink(linkTemplate, n.alert);
    return { text: escape(`${alertHeadline(n.alert)} — ${n.alert.summary}`), blocks: alertBlocks(n.alert, link) };
  }
  return { text: escape(notificationText(n, linkTemplate).split('\n')[0]!), blocks: [section(escape(notificationText(n, linkTemplate)))] };
}

export const createSlackChannel: ChannelFactory<SlackConfig> = (config) => {
  const poster = createHttpPoster({ timeoutMs: config.timeout, allowPrivateNetwork: config.allowPrivateNetwork });
  return {
    async send(n, signal) {
      const answer = await poster.post(config.url, JSON.stringify(slackPayload(n, config.link)), {}, signal);
      return { responseTruncated: answer.truncated };
    },
    close: () => poster.close(),
  };
};

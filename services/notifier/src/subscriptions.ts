// Who gets which alert: a subscription names a channel and the brands, rules and least severity it
// wants (each "all" by default), and whether resolutions are told too.
import type { SubscriptionConfig } from '@earshot/config';
import { SEVERITIES, type Alert } from '@earshot/schema';

export interface Subscription extends SubscriptionConfig {
  id: string;
}

export function resolveSubscriptions(configs: SubscriptionConfig[]): Subscription[] {
  return configs.map((s, i) => ({ ...s, id: s.id ?? `${s.channel}#${i}` }));
}

const listed = (value: string | string[], item: string) => {
  const list = Array.isArray(value) ? value : [value];
  return list.includes('all') || list.includes(item);
};

export function subscriptionMatches(sub: Subscription, alert: Alert): boolean {
  if (!listed(sub.brand, alert.brandId) || !listed(sub.rule, alert.ruleId)) return false;
  if (SEVERITIES.indexOf(alert.severity) < SEVERITIES.indexOf(sub.minSeverity)) return false;
  return alert.state !== 'resolved' || sub.resolved;
}

/** One delivery per subscriber (channel), alert and revision: the key the store claims. */
export function deliveryKey(channelId: string, alert: Pick<Alert, 'key' | 'revision'>): string {
  return `${channelId}:${alert.key}:${alert.revision}`;
}

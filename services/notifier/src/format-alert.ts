// Human-readable text for an alert or a digest, shared by the channels that show text (Slack,
// e-mail): what happened, to which brand, how bad, the mentions that triggered it and why
// (format-evidence.ts).
import type { Alert } from '@earshot/schema';
import type { Notification } from './channels/channel.js';
import { evidenceText } from './format-evidence.js';

export function alertHeadline(alert: Alert): string {
  const state = alert.state === 'resolved' ? 'RESOLVED' : alert.revision > 1 ? 'STILL OPEN' : alert.severity.toUpperCase();
  return `[${state}] ${alert.title}`;
}

export function alertLink(template: string | undefined, alert: Alert): string | undefined {
  return template?.replaceAll('{key}', encodeURIComponent(alert.key)).replaceAll('{brand}', encodeURIComponent(alert.brandId));
}

/** The alert's samples that its evidence does not list already as a driving mention (no mention twice). */
export function extraSamples(alert: Alert): Alert['samples'] {
  const driving = new Set(alert.evidence?.mentions.map((m) => m.id));
  return alert.samples.filter((s) => !driving.has(s.id));
}

export function alertText(alert: Alert, link?: string): string {
  const lines = [alertHeadline(alert), '', alert.summary, `Rule: ${alert.ruleId} (${alert.ruleType}) · severity ${alert.severity} · brand ${alert.brandId}`];
  lines.push(`Window: ${alert.windowStart} – ${alert.windowEnd}`);
  if (alert.state === 'resolved' && alert.resolvedAt) lines.push(`Resolved at ${alert.resolvedAt}`);
  const samples = extraSamples(alert);
  if (samples.length) {
    lines.push('', 'Mentions:');
    for (const s of samples) lines.push(`- ${s.title}${s.sentiment ? ` (${s.sentiment}${s.lang ? `, ${s.lang}` : ''})` : ''}: ${s.text}`, `  ${s.url}`);
  }
  lines.push(...evidenceText(alert));
  if (link) lines.push('', `Details: ${link}`);
  return lines.join('\n');
}

export function notificationSubject(n: Notification): string {
  if (n.kind === 'alert') return `[Earshot] ${alertHeadline(n.alert)}`;
  if (n.kind === 'report') return n.subject;
  return `[Earshot] Digest: ${n.alerts.length} alert${n.alerts.length === 1 ? '' : 's'} (${n.periodStart} to ${n.periodEnd})`;
}

export function notificationText(n: Notification, linkTemplate?: string): string {
  if (n.kind === 'alert') return alertText(n.alert, alertLink(linkTemplate, n.alert));
  if (n.kind === 'report') return n.text;
  const lines = [`${n.alerts.length} alert change${n.alerts.length === 1 ? '' : 's'} between ${n.periodStart} and ${n.periodEnd}:`, ''];
  for (const a of n.alerts) {
    const link = alertLink(linkTemplate, a);
    lines.push(`- ${alertHeadline(a)} (${a.count} mentions, ${a.windowStart} – ${a.windowEnd})${link ? ` ${link}` : ''}`);
  }
  return lines.join('\n');
}

// An alert's life, as pure functions of (the open alert, the rule's condition, now): it opens when
// the condition starts to hold, is re-notified while it holds no more often than `realert` (doubling
// up to `realertMax` when set), and resolves when the condition clears. Each notification or state
// change bumps `revision`, which is what the notifier deduplicates on. Silenced alerts neither open
// nor re-notify; resolving is always told.
import type { RuleConfig } from '@earshot/config';
import type { Alert } from '@earshot/schema';
import type { Silence } from '@earshot/store';
import type { Condition } from './rules/rule-evaluator.js';

/** What the lifecycle adds to the published alert (tolerated by alert v1 readers). */
export interface AlertBookkeeping {
  subject?: string;
  /** When the alert was last (re)notified, ISO. */
  notifiedAt?: string;
  /** How many times it has been notified while open (drives the realert back-off). */
  notifications?: number;
}
export type TrackedAlert = Alert & AlertBookkeeping;

export type AlertChangeKind = 'opened' | 'renotified' | 'resolved';
export interface AlertChange {
  kind: AlertChangeKind;
  alert: TrackedAlert;
}

export interface LifecycleInput {
  rule: RuleConfig;
  brandId: string;
  condition: Condition;
  now: number;
  silenced: boolean;
}

export function alertKey(ruleId: string, brandId: string, subject: string | undefined, windowStart: number): string {
  return [ruleId, brandId, ...(subject ? [subject] : []), new Date(windowStart).toISOString()].join(':');
}

/** The least time between notifications after `notifications` of them. */
export function realertInterval(rule: RuleConfig, notifications: number): number {
  if (rule.realertMax === undefined) return rule.realert;
  return Math.min(rule.realertMax, rule.realert * 2 ** Math.max(0, notifications - 1));
}

export function isSilenced(silences: Silence[], ruleId: string, brandId: string, now: number): boolean {
  return silences.some(
    (s) => (s.ruleId === undefined || s.ruleId === ruleId) && (s.brandId === undefined || s.brandId === brandId) && Date.parse(s.until) > now,
  );
}

/** The next open alert (undefined once resolved or never opened) and the change to announce, if any. */
export function advance(open: TrackedAlert | undefined, input: LifecycleInput): { open: TrackedAlert | undefined; change?: AlertChange } {
  const { rule, brandId, condition, now, silenced } = input;
  const iso = new Date(now).toISOString();
  const facts = {
    severity: rule.severity,
    title: condition.title,
    summary: condition.summary,
    count: condition.count,
    windowEnd: new Date(condition.windowEnd).toISOString(),
    samples: condition.samples,
  };
  if (!open) {
    if (!condition.active || silenced) return { open: undefined };
    const alert: TrackedAlert = {
      ...facts,
      key: alertKey(rule.id, brandId, condition.subject, condition.windowStart),
      ruleId: rule.id,
      ruleType: rule.type,
      brandId,
      ...(condition.subject ? { subject: condition.subject } : {}),
      state: 'open',
      revision: 1,
      windowStart: new Date(condition.windowStart).toISOString(),
      openedAt: iso,
      updatedAt: iso,
      notifiedAt: iso,
      notifications: 1,
    };
    return { open: alert, change: { kind: 'opened', alert } };
  }
  if (!condition.active) {
    const alert: TrackedAlert = { ...open, ...facts, state: 'resolved', revision: open.revision + 1, updatedAt: iso, resolvedAt: iso };
    return { open: undefined, change: { kind: 'resolved', alert } };
  }
  const notifications = open.notifications ?? 1;
  const last = Date.parse(open.notifiedAt ?? open.updatedAt);
  const due = now - last >= realertInterval(rule, notifications);
  if (!due || silenced || open.acknowledgedAt) return { open: { ...open, ...facts } };
  const alert: TrackedAlert = { ...open, ...facts, revision: open.revision + 1, updatedAt: iso, notifiedAt: iso, notifications: notifications + 1 };
  return { open: alert, change: { kind: 'renotified', alert } };
}

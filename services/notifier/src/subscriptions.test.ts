import { describe, expect, it } from 'vitest';
import { deliveryKey, resolveSubscriptions, subscriptionMatches } from './subscriptions.js';
import { alert, notifierConfig } from './testing/fixtures.js';

describe('subscriptions', () => {
  const config = notifierConfig(
    ['{ id: hook, type: webhook, url: "https://hooks.example.org/x" }'],
    [
      '{ channel: hook }',
      '{ id: critical-acme, channel: hook, brand: [acme], minSeverity: critical, resolved: false }',
      '{ channel: hook, rule: wom, digest: daily }',
    ],
  );
  const subs = resolveSubscriptions(config.subscriptions);

  it('names subscriptions and parses digest periods', () => {
    expect(subs.map((s) => [s.id, s.digest])).toEqual([
      ['hook#0', undefined],
      ['critical-acme', undefined],
      ['hook#2', 86_400_000],
    ]);
  });

  it.each([
    ['any alert', alert(), [true, false, false]],
    ['a critical acme alert', alert({ brandId: 'acme', severity: 'critical' }), [true, true, false]],
    ['a warning acme alert', alert({ brandId: 'acme' }), [true, false, false]],
    ['a resolved critical acme alert', alert({ brandId: 'acme', severity: 'critical', state: 'resolved' }), [true, false, false]],
    ['a word-of-mouth alert', alert({ ruleId: 'wom', severity: 'critical' }), [true, false, true]],
  ])('matches %s', (_name, a, expected) => {
    expect(subs.map((s) => subscriptionMatches(s, a))).toEqual(expected);
  });

  it('keys deliveries by subscriber, alert and revision', () => {
    expect(deliveryKey('hook', alert({ revision: 3 }))).toBe('hook:neg:nordtel:2026-11-20T10:00:00.000Z:3');
  });
});

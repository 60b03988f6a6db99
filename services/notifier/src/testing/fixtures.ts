// Test support: alerts, a notifier config and an in-memory store for notifier tests.
import { parseConfig, type EarshotConfig } from '@earshot/config';
import type { Alert } from '@earshot/schema';

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    key: 'neg:nordtel:2026-11-20T10:00:00.000Z',
    ruleId: 'neg',
    ruleType: 'threshold',
    brandId: 'nordtel',
    severity: 'warning',
    state: 'open',
    revision: 1,
    title: 'Nordtel: 3 negative mentions in 10m',
    summary: '3 negative mentions about Nordtel within 10m (threshold 3).',
    windowStart: '2026-11-20T10:00:00.000Z',
    windowEnd: '2026-11-20T10:04:00.000Z',
    openedAt: '2026-11-20T10:04:00.000Z',
    updatedAt: '2026-11-20T10:04:00.000Z',
    count: 3,
    samples: [
      {
        id: 'm1',
        title: 'Не покупайте Nordtel',
        text: 'Не покупайте их тариф, поддержка молчит.',
        url: 'https://reviews.example.org/m1',
        sourceId: 'reviews',
        lang: 'ru',
        sentiment: 'negative',
      },
      {
        id: 'm2',
        title: 'Nordtel <outage> & more',
        text: 'Down again.',
        url: 'https://forum.example.org/m2',
        sourceId: 'forum',
        lang: 'en',
        sentiment: 'negative',
      },
    ],
    ...overrides,
  };
}

export function notifierConfig(channels: string[], subscriptions: string[], env: Record<string, string> = {}): EarshotConfig {
  const yaml = `
brands:
  - { id: nordtel, name: Nordtel }
  - { id: acme, name: Acme }
rules:
  - { id: neg, type: threshold, brand: all, count: 3, window: 10m }
  - { id: wom, type: high-impact, brand: all, severity: critical }
channels:
${channels.map((c) => `  - ${c}`).join('\n')}
subscriptions:
${subscriptions.map((s) => `  - ${s}`).join('\n')}
`;
  return parseConfig(yaml, 'test.yaml', { env });
}

// Test support: an alert carrying its evidence, with markup and a javascript: link where user text
// goes, for the dashboard and the API contract tests. Text is ours.
import type { Alert } from '@earshot/schema';
import { seedAlert } from './fixtures.js';

export function explainedAlert(): Alert {
  return seedAlert({
    key: 'outage-spike:nordtel:2026-11-23T11:00',
    ruleId: 'outage-spike',
    ruleType: 'spike',
    severity: 'critical',
    title: 'Nordtel: spike of negative mentions, 4 in 10m',
    summary: '4 negative mentions about Nordtel in the last 10m (24.0× the usual 0.2).',
    windowStart: '2026-11-23T10:50:00.000Z',
    windowEnd: '2026-11-23T11:00:00.000Z',
    openedAt: '2026-11-23T11:00:00.000Z',
    updatedAt: '2026-11-23T11:00:00.000Z',
    count: 4,
    evidence: {
      mentions: [
        {
          id: 'ev-1',
          title: 'Nordtel <img src=x onerror="window.__pwned=true"> down',
          excerpt: 'No mobile data in Tallinn <script>window.__pwned=true</script>',
          url: 'https://forum.example.org/t/1',
          sourceId: 'forum',
          lang: 'et',
          sentiment: 'negative',
          score: -0.9,
          reach: 42000,
          reasons: ['highest-reach', 'most-negative'],
        },
        {
          id: 'ev-2',
          title: 'Võrk on maas',
          excerpt: 'Nordteli võrk on jälle maas.',
          url: 'javascript:window.__pwned=true',
          sourceId: 'reviews',
          lang: 'et',
          sentiment: 'negative',
          score: -0.7,
          reasons: ['most-negative'],
        },
      ],
      phrases: [
        { term: 'network outage', count: 4, baselineCount: 0, lift: 22 },
        { term: 'tallinn', count: 2, baselineCount: 1, lift: 3.5 },
      ],
      topics: [{ term: 'network', count: 4, baselineCount: 0, lift: 22 }],
      languages: [
        { key: 'et', count: 3 },
        { key: 'en', count: 1 },
      ],
      sources: [
        { key: 'forum', count: 3 },
        { key: 'reviews', count: 1 },
      ],
      sentiment: { negative: 4, neutral: 0, positive: 0 },
      volume: { count: 4, baselineMean: 0.17, ratio: 24 },
      baseline: { from: '2026-11-22T10:50:00.000Z', to: '2026-11-23T10:50:00.000Z', count: 20 },
    },
  });
}

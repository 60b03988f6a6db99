// Test support: an alert's evidence written to be hostile where user text goes — markup, a script,
// Slack's <!channel>, a link that ends a Slack link early, a javascript: URL. Text is ours.
import type { AlertEvidence } from '@earshot/schema';

export function hostileEvidence(): AlertEvidence {
  return {
    mentions: [
      {
        id: 'm9',
        title: 'Outage <!channel> & <b>bold</b>',
        excerpt: 'Nordtel is down <script>alert("x")</script> again <@U123>',
        url: 'https://forum.example.org/t/9?a=1&b=2|x>y',
        sourceId: 'forum',
        lang: 'et',
        sentiment: 'negative',
        score: -0.9,
        reach: 42_000,
        reasons: ['highest-reach', 'most-negative'],
      },
      {
        id: 'm10',
        title: 'Click me',
        excerpt: 'harmless text',
        url: 'javascript:alert(1)',
        sourceId: 'reviews',
        sentiment: 'negative',
        score: -0.4,
        reasons: ['most-negative'],
      },
    ],
    phrases: [
      { term: 'network outage', count: 4, baselineCount: 0, lift: 22 },
      { term: '<!here> tallinn', count: 2, baselineCount: 1, lift: 3.5 },
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
    baseline: { from: '2026-11-19T10:00:00.000Z', to: '2026-11-20T10:00:00.000Z', count: 20 },
  };
}

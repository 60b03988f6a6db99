// An alert's evidence, from a scripted stream through the real engine: a day of ordinary complaints
// about billing, then a burst about a network outage. The evidence must name the outage, not the
// billing, show the mentions that drove it, and say how far above normal the window is.
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import type { AlertChange } from '../lifecycle.js';
import { useHarness } from '../testing/harness.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';
import { keyTerms } from './key-terms.js';

const H = 60 * MIN;

function scenario() {
  const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 4, window: 10m }']);
  const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources, evidenceBaseline: 20 * H });
  const changes: AlertChange[] = [];
  // Ours: a usual day, one billing complaint an hour.
  for (let h = 20; h >= 1; h--) {
    const at = T0 - h * H;
    changes.push(
      ...engine.observe(
        mention({ id: `b${h}`, at, lang: 'ru', title: 'Nordtel billing', text: 'Опять ошибка billing в счёте, Nordtel.', topics: [['price', 'negative']] }),
        at,
      ),
    );
  }
  const burst = [
    { id: 'o1', lang: 'et', sourceId: 'forum', text: 'Nordtel network outage in Tallinn, no mobile data since morning.', score: -0.9 },
    { id: 'o2', lang: 'en', sourceId: 'forum', text: 'Network outage again, Nordtel support silent.', score: -0.5, reach: 50_000 },
    { id: 'o3', lang: 'en', sourceId: 'reviews', text: 'Total network outage <script>alert(1)</script> for hours.', score: -0.8 },
    { id: 'pos', lang: 'en', sourceId: 'reviews', text: 'Network outage fixed quickly, thanks Nordtel!', sentiment: 'positive' as const, reach: 90_000 },
    { id: 'o4', lang: 'et', sourceId: 'forum', text: 'Nordtel network outage: still no calls.', score: -0.6, reach: 300 },
  ];
  burst.forEach((b, i) => {
    const at = T0 + i * MIN;
    changes.push(...engine.observe(mention({ ...b, at, title: `Outage ${b.id}`, topics: [['network', b.sentiment ?? 'negative']] }), at));
  });
  return changes;
}

describe('alert evidence', () => {
  it('names the outage against a day of billing complaints, with its driving mentions and volume', () => {
    const changes = scenario();
    expect(changes.map((c) => `${c.kind} n=${c.alert.count}`)).toEqual(['opened n=4']);
    const evidence = changes[0]!.alert.evidence!;
    expect(evidence.volume).toEqual({ count: 4, baselineMean: 0.17, ratio: 24 }); // 20 in 120 ten-minute slots
    expect(evidence.baseline).toEqual({ from: '2026-11-19T14:00:00.000Z', to: '2026-11-20T10:00:00.000Z', count: 20 });
    expect(evidence.phrases[0]).toEqual({ term: 'network outage', count: 4, baselineCount: 0, lift: 22 });
    expect(evidence.phrases.map((p) => p.term)).not.toContain('billing');
    expect(evidence.phrases.map((p) => p.term)).not.toContain('outage'); // shown inside the phrase
    expect(evidence.phrases.map((p) => p.term)).not.toContain('network');
    expect(evidence.topics).toEqual([{ term: 'network', count: 4, baselineCount: 0, lift: 22 }]);
    expect(evidence.languages).toEqual([
      { key: 'en', count: 2 },
      { key: 'et', count: 2 },
    ]);
    expect(evidence.sources).toEqual([
      { key: 'forum', count: 3 },
      { key: 'reviews', count: 1 },
    ]);
    expect(evidence.sentiment).toEqual({ negative: 4, neutral: 0, positive: 0 });
    // Most negative first; the positive mention with the largest reach is not what the rule counted.
    expect(evidence.mentions.map((m) => [m.id, m.reasons])).toEqual([
      ['o1', ['most-negative']],
      ['o3', ['most-negative']],
      ['o4', ['highest-reach', 'most-negative']],
      ['o2', ['highest-reach']],
    ]);
    expect(evidence.mentions[1]).toMatchObject({
      title: 'Outage o3',
      excerpt: 'Total network outage <script>alert(1)</script> for hours.',
      url: 'https://reviews.example.org/o3',
      sourceId: 'reviews',
      lang: 'en',
      score: -0.8,
    });
  });

  it('explains a per-topic alert by the mentions of that topic only', () => {
    const config = testConfig([
      '{ id: topics, type: topic-negative, brand: nordtel, topic: [price, delivery], window: 1h, baseline: 1d, factor: 3, minCount: 3 }',
    ]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const changes: AlertChange[] = [];
    const specs: [string, [string, 'negative' | 'positive'][]][] = [
      ['d1', [['delivery', 'negative']]],
      ['p1', [['price', 'negative']]],
      [
        'd2',
        [
          ['delivery', 'negative'],
          ['price', 'positive'],
        ],
      ],
      ['d3', [['delivery', 'negative']]],
    ];
    specs.forEach(([id, topics], i) =>
      changes.push(...engine.observe(mention({ id, at: T0 + i * MIN, topics, text: `Courier lost parcel ${id}` }), T0 + i * MIN)),
    );
    expect(changes.map((c) => c.alert.key)).toEqual(['topics:nordtel:delivery:2026-11-20T10:00:00.000Z']);
    const evidence = changes[0]!.alert.evidence!;
    expect(evidence.volume.count).toBe(3);
    expect(evidence.mentions.map((m) => m.id).sort()).toEqual(['d1', 'd2', 'd3']); // p1 is about price
    expect(evidence.topics.map((t) => t.term)).toEqual(['delivery']);
  });

  it('compares with the baseline it actually saw while its memory fills', () => {
    const config = testConfig(['{ id: neg, type: threshold, brand: all, count: 2, window: 10m }']);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    engine.observe(mention({ id: 'a', at: T0 }), T0);
    const [change] = engine.observe(mention({ id: 'b', at: T0 + MIN }), T0 + MIN);
    expect(change?.alert.evidence?.baseline).toEqual({ from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T10:00:00.000Z', count: 0 });
    expect(change?.alert.evidence?.volume).toEqual({ count: 2, baselineMean: 0, ratio: null });
  });
});

describe('alert evidence after a restart', () => {
  const harness = useHarness();

  it('rebuilds its baseline from the store: history the alerter never streamed is the normal it compares with', async () => {
    const history = [];
    for (let hour = 30; hour >= 1; hour--) history.push(mention({ id: `hist-${hour}`, at: T0 - hour * H, text: 'Billing error again.' }));
    const h = await harness(testConfig(['{ id: neg, type: threshold, brand: all, count: 3, window: 10m }']), T0, { history });
    for (let i = 0; i < 3; i++) {
      h.clock.now = T0 + i * MIN;
      await h.send(mention({ id: `burst-${i}`, at: h.clock.now, text: 'Network outage in Tallinn.' }));
    }
    expect(await h.published()).toEqual(['open neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3']);
    const stored = await h.store.getAlert('neg:nordtel:2026-11-20T10:00:00.000Z');
    // 24 of the 30 hours lie in the default 24 h baseline before the window.
    expect(stored?.evidence?.baseline).toEqual({ from: '2026-11-19T10:00:00.000Z', to: '2026-11-20T10:00:00.000Z', count: 24 });
    expect(stored?.evidence?.volume).toEqual({ count: 3, baselineMean: 0.17, ratio: 18 });
    expect(stored?.evidence?.phrases.map((p) => p.term)).toEqual(['network outage', 'tallinn']); // 'mention', in every title, is no more frequent than usual
  });
});

describe('key terms', () => {
  it('keeps words, pairs, numbers, hashtags and word-of-mouth phrases, never the brand name', () => {
    const terms = keyTerms({ title: 'Nordtel 5G', text: 'Не покупайте #NordtelDown тариф', phrases: ['не покупайте'] }, new Set(['nordtel']));
    expect(terms).toEqual(['не покупайте', '5g', 'покупайте', 'покупайте #nordteldown', '#nordteldown', '#nordteldown тариф', 'тариф']);
  });
});

import { describe, expect, it } from 'vitest';
import type { BrandAccountRole } from '@earshot/schema';
import { createAlertEngine } from './engine.js';
import { run, type Step } from './testing/collect.js';
import { useHarness } from './testing/harness.js';
import { mention, MIN, T0, testConfig } from './testing/mentions.js';

const H = 60 * MIN;
const SPIKE = '{ id: spike, type: spike, brand: all, window: 1h, baseline: 1d, factor: 3, minCount: 4 }';

const engineFor = (rules: string[]) => {
  const config = testConfig(rules);
  return createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
};

/** Six negative posts in six minutes, all on the outage, with a large reach and a warning: every negative rule has its reason. */
function outageBurst(brandAccount?: BrandAccountRole): Step[] {
  return [0, 1, 2, 3, 4, 5].map((i) => ({
    at: T0 + i * MIN,
    mention: mention({
      id: `${brandAccount ?? 'customer'}-${i}`,
      at: T0 + i * MIN,
      ...(brandAccount ? { brandAccount } : {}),
      reach: 50_000,
      warning: true,
      topics: [['service', 'negative']],
      title: 'Nordtel outage in Tartu',
      text: 'We are sorry about the outage in Tartu: no internet since 6am, engineers are on it. Incident 4411.',
    }),
  }));
}

describe("the brand's own posts and the rules", () => {
  it.each([
    ['by the brand: not word-of-mouth', 'by-brand', '', []],
    ['by the brand, with includeBrandPosts', 'by-brand', ', includeBrandPosts: true', ['opened spike:nordtel:2026-11-20T10:00:00.000Z r1 n=4']],
    ['to the brand: customers speaking', 'to-brand', '', ['opened spike:nordtel:2026-11-20T10:00:00.000Z r1 n=4']],
  ] as const)('a negative burst %s', (_name, brandAccount, option, expected) => {
    const engine = engineFor([SPIKE.replace(' }', `${option} }`)]);
    expect(run(engine, outageBurst(brandAccount))).toEqual(expected);
  });

  it("leaves the brand's apology out of every negative rule by default, in one place for all of them", () => {
    const rules = [
      '{ id: threshold, type: threshold, brand: all, window: 15m, count: 3 }',
      SPIKE,
      '{ id: share, type: negative-share, brand: all, window: 1h, share: 40, minVolume: 3 }',
      '{ id: impact, type: high-impact, brand: all, reach: 10000 }',
      '{ id: topic, type: topic-negative, brand: all, window: 1h, baseline: 1d, minCount: 3 }',
      '{ id: story, type: story, brand: all, window: 6h, size: 3 }',
    ];
    expect(run(engineFor(rules), outageBurst('by-brand'))).toEqual([]);
    // The same burst from customers opens each of them (what the brand's posts would have done).
    expect(
      run(engineFor(rules), outageBurst())
        .filter((c) => c.startsWith('opened'))
        .map((c) => c.split(':')[0]),
    ).toEqual(['opened impact', 'opened threshold', 'opened share', 'opened topic', 'opened story', 'opened spike']);
  });

  it("the brand's posts do not dilute what customers say either: its upbeat posts leave the negative share alone", () => {
    const engine = engineFor(['{ id: share, type: negative-share, brand: all, window: 1h, share: 60, minVolume: 4 }']);
    const steps: Step[] = [0, 1, 2, 3].map((i) => ({
      at: T0 + i * MIN,
      mention: mention({ id: `ad${i}`, at: T0 + i * MIN, sentiment: 'positive', brandAccount: 'by-brand' }),
    }));
    for (let i = 0; i < 4; i++) steps.push({ at: T0 + (10 + i) * MIN, mention: mention({ id: `c${i}`, at: T0 + (10 + i) * MIN }) });
    // Counted, the four adverts would hold the share at 50 % (4 of 8) and nothing would open.
    expect(run(engine, steps)).toEqual(['opened share:nordtel:2026-11-20T10:10:00.000Z r1 n=4']);
  });

  it("source-silent counts the brand's own posts by default (they prove the source is alive), not with includeBrandPosts: false", () => {
    const rule = (option: string) => `{ id: blind, type: source-silent, brand: all, period: 6h, baseline: 1d, minBaseline: 10${option} }`;
    // The forum carries only the brand's own posts, every hour for a day, then nothing.
    const steps: Step[] = [];
    for (let t = T0 - 24 * H; t <= T0; t += H)
      steps.push({ at: t, mention: mention({ id: `own${t}`, sourceId: 'forum', at: t, sentiment: 'neutral', brandAccount: 'by-brand' }) });
    steps.push({ at: T0 + 6 * H, tick: true });
    expect(run(engineFor([rule('')]), steps)).toEqual(['opened blind:nordtel:forum:2026-11-20T10:00:00.000Z r1 n=0']);
    expect(run(engineFor([rule(', includeBrandPosts: false')]), steps)).toEqual([]);
  });

  describe('across a restart', () => {
    const harness = useHarness();

    it("rebuilds windows and baselines from the store without the brand's posts, so a restart counts what the stream counted", async () => {
      // Three days of history: one complaint an hour, and four of the brand's own negative posts an
      // hour. The last 25 h come back by replay, the rest as baseline aggregates: counted, the brand's
      // posts would make 5 an hour usual and 4 complaints no spike.
      const rule = '{ id: spike, type: spike, brand: all, window: 1h, baseline: 3d, factor: 3, minCount: 4 }';
      const history = [];
      for (let hour = 72; hour >= 1; hour--) {
        history.push(mention({ id: `c-h${hour}`, at: T0 - hour * H }));
        for (let i = 0; i < 4; i++) history.push(mention({ id: `own-h${hour}-${i}`, at: T0 - hour * H + (i + 1) * MIN, brandAccount: 'by-brand' }));
      }
      const h = await harness(testConfig([rule]), T0, { history });
      for (let i = 0; i < 3; i++) {
        h.clock.now = T0 + i * MIN;
        await h.send(mention({ id: `b${i}`, at: h.clock.now }), mention({ id: `sorry${i}`, at: h.clock.now, brandAccount: 'by-brand' }));
      }
      expect(await h.published()).toEqual([]);
      h.clock.now = T0 + 5 * MIN;
      await h.restart(); // the window's three apologies are replayed from the store and must stay out
      await h.send(mention({ id: 'b3', at: h.clock.now }));
      expect(await h.published()).toEqual(['open spike:nordtel:2026-11-20T10:00:00.000Z r1 n=4']);
    });
  });
});

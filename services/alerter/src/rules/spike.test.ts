import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import { run, type Step } from '../testing/collect.js';
import { useHarness } from '../testing/harness.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';
import { spikeThreshold } from './spike.js';

const H = 60 * MIN;
const RULE = '{ id: spike, type: spike, brand: all, window: 1h, baseline: 1d, factor: 3, minCount: 4 }';

/** `perHour` negative mentions in each of the 24 hours before T0. */
function history(perHour: number, brandId = 'nordtel') {
  const out = [];
  for (let h = 24; h >= 1; h--) for (let i = 0; i < perHour; i++) out.push(mention({ id: `${brandId}-h${h}-${i}`, brandId, at: T0 - h * H + i * MIN }));
  return out;
}

describe('spike rule', () => {
  it('fires when the window reaches factor × the usual hourly rate, not before, and resolves', () => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const steps: Step[] = history(2).map((m) => ({ at: Date.parse(m.publishedAt!), mention: m })); // streamed: 2 an hour is usual
    for (let i = 0; i < 6; i++) steps.push({ at: T0 + i * MIN, mention: mention({ id: `burst-${i}`, at: T0 + i * MIN }) });
    steps.push({ at: T0 + 50 * MIN, tick: true }, { at: T0 + H + 5 * MIN, tick: true });
    expect(run(engine, steps)).toEqual([
      'opened spike:nordtel:2026-11-20T10:00:00.000Z r1 n=6', // 6 ≥ 3 × 2
      'resolved spike:nordtel:2026-11-20T10:00:00.000Z r2 n=0',
    ]);
  });

  it('a quiet brand going from 1 to 3 is not a crisis; minCount is', () => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const steps: Step[] = [0, 1, 2].map((i) => ({ at: T0 + i * MIN, mention: mention({ id: `a${i}`, brandId: 'acme', at: T0 + i * MIN }) }));
    expect(run(engine, steps)).toEqual([]);
    expect(run(engine, [{ at: T0 + 3 * MIN, mention: mention({ id: 'a3', brandId: 'acme', at: T0 + 3 * MIN }) }])).toEqual([
      'opened spike:acme:2026-11-20T10:00:00.000Z r1 n=4',
    ]);
  });

  it.each([
    ['factor only', { factor: 3 }, 2, 1, 6],
    ['z-score only', { zScore: 2 }, 2, 1, 4],
    ['both: the stricter', { factor: 3, zScore: 2 }, 2, 1, 6],
    ['neither: factor 3', {}, 2, 1, 6],
  ])('threshold with %s', (_name, rule, mean, sd, expected) => {
    expect(spikeThreshold(rule, mean, sd)).toBe(expected);
  });
});

describe('spike rule with its baseline in the store', () => {
  const harness = useHarness();

  it('warm-starts the usual rate from history, and a restart mid-burst neither forgets nor re-fires', async () => {
    // 4 an hour is usual for nordtel: 8 in an hour is no spike, 12 is. Without the history 4 would already fire.
    const h = await harness(testConfig([RULE]), T0, { history: history(4) });
    for (let i = 0; i < 8; i++) {
      h.clock.now = T0 + i * MIN;
      await h.send(mention({ id: `b${i}`, at: h.clock.now }));
    }
    expect(await h.published()).toEqual([]);
    h.clock.now = T0 + 9 * MIN;
    await h.restart();
    for (let i = 8; i < 13; i++) {
      h.clock.now = T0 + i * MIN;
      await h.send(mention({ id: `b${i}`, at: h.clock.now }));
    }
    expect(await h.published()).toEqual(['open spike:nordtel:2026-11-20T10:00:00.000Z r1 n=12']);
    h.clock.now = T0 + 20 * MIN;
    await h.restart();
    await h.send(mention({ id: 'b13', at: h.clock.now }));
    await h.alerter.tick();
    expect(await h.published()).toEqual(['open spike:nordtel:2026-11-20T10:00:00.000Z r1 n=12']);
  });
});

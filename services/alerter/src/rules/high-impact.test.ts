import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import { run } from '../testing/collect.js';
import { useHarness } from '../testing/harness.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';

const RULE = '{ id: wom, type: high-impact, brand: all, reach: 10000, maxRating: 2, window: 30m, realert: 1h, severity: critical }';

describe('high-impact rule', () => {
  it.each([
    ['a warning to others', { warning: true, sentiment: 'neutral' as const }, true],
    ['a 2-star review', { rating: 2, sentiment: 'neutral' as const }, true],
    ['a 3-star review', { rating: 3 }, false],
    ['a negative mention with large reach', { reach: 25_000 }, true],
    ['a positive mention with large reach', { reach: 25_000, sentiment: 'positive' as const }, false],
    ['an ordinary negative mention', {}, false],
    ['a syndicated copy of a warning', { warning: true, duplicateOf: 'x' }, false],
  ])('%s → alert: %s', (_name, spec, fires) => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const changes = engine.observe(mention({ id: 'm1', at: T0, ...spec }), T0);
    expect(changes.map((c) => c.kind)).toEqual(fires ? ['opened'] : []);
  });

  it('gathers further high-impact mentions into the open alert and resolves after a quiet window', () => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    expect(
      run(engine, [
        { at: T0, mention: mention({ id: 'm1', at: T0, warning: true, text: 'Не покупайте!' }) },
        { at: T0 + 10 * MIN, mention: mention({ id: 'm2', at: T0 + 10 * MIN, rating: 1 }) },
        { at: T0 + 20 * MIN, mention: mention({ id: 'm3', at: T0 + 20 * MIN }) }, // ordinary
        { at: T0 + 35 * MIN, tick: true }, // m1 left the window, m2 holds it open
        { at: T0 + 40 * MIN, tick: true }, // m2 left too
      ]),
    ).toEqual(['opened wom:nordtel:2026-11-20T10:00:00.000Z r1 n=1', 'resolved wom:nordtel:2026-11-20T10:00:00.000Z r2 n=0']);
  });

  describe('across a restart', () => {
    const harness = useHarness();

    it('does not fire the same high-impact alert again', async () => {
      const h = await harness(testConfig([RULE]), T0);
      await h.send(mention({ id: 'm1', at: T0, warning: true }));
      h.clock.now = T0 + 5 * MIN;
      await h.restart();
      await h.send(mention({ id: 'm1', at: T0, warning: true })); // redelivered after the restart
      h.clock.now = T0 + 31 * MIN;
      await h.alerter.tick();
      expect(await h.published()).toEqual(['open wom:nordtel:2026-11-20T10:00:00.000Z r1 n=1', 'resolved wom:nordtel:2026-11-20T10:00:00.000Z r2 n=0']);
    });
  });
});

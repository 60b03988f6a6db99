import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import { run, type Step } from '../testing/collect.js';
import { useHarness } from '../testing/harness.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';

const H = 60 * MIN;
const RULE = '{ id: blind, type: source-silent, brand: all, period: 6h, baseline: 1d, minBaseline: 10, realert: 1d }';

/** The forum produces for nordtel every hour until `until`; reviews produce rarely. */
function stream(until: number): Step[] {
  const steps: Step[] = [];
  for (let t = T0 - 24 * H; t <= until; t += H) steps.push({ at: t, mention: mention({ id: `f${t}`, sourceId: 'forum', at: t }) });
  steps.push({ at: T0 - 20 * H, mention: mention({ id: 'r1', sourceId: 'reviews', at: T0 - 20 * H }) });
  return steps.sort((a, b) => a.at - b.at);
}

describe('source-silent rule', () => {
  it('fires when a source that normally produces goes quiet for the period, and resolves when it speaks', () => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const steps = stream(T0); // last forum mention at T0
    steps.push({ at: T0 + 6 * H - 1, tick: true }, { at: T0 + 6 * H, tick: true }, { at: T0 + 7 * H, tick: true });
    steps.push({ at: T0 + 8 * H, mention: mention({ id: 'back', sourceId: 'forum', at: T0 + 8 * H }) });
    expect(run(engine, steps)).toEqual([
      'opened blind:nordtel:forum:2026-11-20T10:00:00.000Z r1 n=0',
      'resolved blind:nordtel:forum:2026-11-20T10:00:00.000Z r2 n=0',
    ]);
    // "reviews" (one mention a day) is not normally producing; acme never had the forum.
  });

  describe('across a restart', () => {
    const harness = useHarness();

    it('remembers when the source last spoke, fires once at the right time, and not again after another restart', async () => {
      const history = stream(T0).flatMap((s) => (s.mention ? [s.mention] : []));
      const h = await harness(testConfig([RULE]), T0 + 2 * H, { history }); // started 2 h into the silence
      await h.alerter.tick();
      h.clock.now = T0 + 6 * H - MIN;
      await h.restart();
      await h.alerter.tick();
      expect(await h.published()).toEqual([]);
      h.clock.now = T0 + 6 * H;
      await h.alerter.tick();
      h.clock.now = T0 + 7 * H;
      await h.restart();
      await h.alerter.tick();
      expect(await h.published()).toEqual(['open blind:nordtel:forum:2026-11-20T10:00:00.000Z r1 n=0']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import { run, type Step } from '../testing/collect.js';
import { useHarness } from '../testing/harness.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';

const H = 60 * MIN;
const RULE = '{ id: topics, type: topic-negative, brand: nordtel, topic: [price, delivery, service], window: 1h, baseline: 1d, factor: 3, minCount: 3 }';

describe('topic-negative rule', () => {
  it('fires for a topic newly turning negative and for one rising sharply, one alert per topic', () => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const steps: Step[] = [];
    // price is negative about twice every 3 hours (mean 2/3 per hour); service sometimes neutral.
    for (let h = 24; h >= 1; h -= 3) {
      for (const i of [0, 1])
        steps.push({ at: T0 - h * H + i * MIN, mention: mention({ id: `p${h}-${i}`, at: T0 - h * H + i * MIN, topics: [['price', 'negative']] }) });
    }
    let n = 0;
    const add = (topics: [string, 'negative' | 'positive'][], sentiment: 'negative' | 'positive' = 'negative') => {
      const at = T0 + n * MIN;
      steps.push({ at, mention: mention({ id: `now${n++}`, at, sentiment, topics }) });
    };
    add([['price', 'negative']]);
    add([
      ['price', 'negative'],
      ['delivery', 'negative'],
    ]);
    add([['delivery', 'negative']]);
    add([['delivery', 'negative']]); // delivery: 3 now, none in the baseline → fires
    add([['price', 'negative']]); // price: 3 now ≥ 3 × its usual 2/3 an hour → fires
    add([['service', 'positive']], 'positive');
    add([['shipping', 'negative']]); // not one of the rule's topics
    steps.push({ at: T0 + 2 * H, tick: true });
    expect(run(engine, steps)).toEqual([
      'opened topics:nordtel:delivery:2026-11-20T10:01:00.000Z r1 n=3',
      'opened topics:nordtel:price:2026-11-20T10:00:00.000Z r1 n=3',
      'resolved topics:nordtel:price:2026-11-20T10:00:00.000Z r2 n=0',
      'resolved topics:nordtel:delivery:2026-11-20T10:01:00.000Z r2 n=0',
    ]);
  });

  it('a topic that is negative all the time is not news', () => {
    const config = testConfig([RULE]);
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const steps: Step[] = [];
    for (let h = 24; h >= 1; h--)
      for (const i of [0, 1, 2])
        steps.push({ at: T0 - h * H + i * MIN, mention: mention({ id: `s${h}-${i}`, at: T0 - h * H + i * MIN, topics: [['service', 'negative']] }) });
    for (const i of [0, 1, 2, 3]) steps.push({ at: T0 + i * MIN, mention: mention({ id: `n${i}`, at: T0 + i * MIN, topics: [['service', 'negative']] }) });
    // The first streamed hour had no baseline yet (that alert is expected); today's 4 against a usual 3 is nothing.
    const out = run(engine, steps);
    expect(out.filter((s) => s.startsWith('opened')).map((s) => s.split(' ')[1])).toEqual(['topics:nordtel:service:2026-11-19T10:00:00.000Z']);
  });

  describe('across a restart', () => {
    const harness = useHarness();

    it('rebuilds the topic baseline from the store and the window from the replay', async () => {
      const history = [];
      for (let hr = 24; hr >= 1; hr--) history.push(mention({ id: `hist${hr}`, at: T0 - hr * H, topics: [['price', 'negative']] })); // 1 an hour usual
      const h = await harness(testConfig([RULE]), T0, { history });
      await h.send(mention({ id: 'a', at: T0, topics: [['price', 'negative']] }), mention({ id: 'b', at: T0, topics: [['delivery', 'negative']] }));
      h.clock.now = T0 + 5 * MIN;
      await h.restart();
      await h.send(
        mention({
          id: 'c',
          at: h.clock.now,
          topics: [
            ['price', 'negative'],
            ['delivery', 'negative'],
          ],
        }),
      );
      await h.send(mention({ id: 'd', at: h.clock.now, topics: [['delivery', 'negative']] }));
      expect(await h.published()).toEqual(['open topics:nordtel:delivery:2026-11-20T10:00:00.000Z r1 n=3']); // price: 2 < 3 × 1
    });
  });
});

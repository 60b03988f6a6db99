import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import { run, type Step } from '../testing/collect.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';

describe('negative-share rule', () => {
  const config = testConfig(['{ id: share, type: negative-share, brand: nordtel, window: 1h, share: 50, minVolume: 6, severity: critical }']);

  it('fires when half the mentions in the window are negative, once there are enough of them, and resolves', () => {
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const at = (i: number) => T0 + i * MIN;
    const labels = ['negative', 'negative', 'negative', 'positive', 'neutral'] as const; // 3/5 = 60% but only 5 mentions
    const steps: Step[] = labels.map((sentiment, i) => ({ at: at(i), mention: mention({ id: `m${i}`, at: at(i), sentiment }) }));
    steps.push({ at: at(5), mention: mention({ id: 'm5', at: at(5), sentiment: 'positive' }) }); // 3/6 = 50%: fires
    steps.push({ at: at(6), mention: mention({ id: 'm6', at: at(6), sentiment: 'positive' }) }); // 3/7 < 50%: resolves
    steps.push({ at: at(7), mention: mention({ id: 'm7', at: at(7), sentiment: 'negative', brandId: 'acme' }) }); // other brand
    expect(run(engine, steps)).toEqual(['opened share:nordtel:2026-11-20T10:00:00.000Z r1 n=3', 'resolved share:nordtel:2026-11-20T10:00:00.000Z r2 n=3']);
    const alert = engine.openAlerts();
    expect(alert).toEqual([]);
  });

  it('carries the negative mentions as samples and the severity of the rule', () => {
    const engine = createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const changes = [0, 1, 2, 3, 4, 5].flatMap((i) =>
      engine.observe(mention({ id: `m${i}`, at: T0 + i * MIN, sentiment: i % 2 ? 'positive' : 'negative' }), T0 + i * MIN),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]!.alert).toMatchObject({ severity: 'critical', title: 'Nordtel: 50% of mentions negative in 1h', count: 3 });
    expect(changes[0]!.alert.samples.map((s) => s.id)).toEqual(['m4', 'm2', 'm0']);
  });
});

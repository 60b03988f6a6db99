import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../engine.js';
import type { AlertChange } from '../lifecycle.js';
import { mention, MIN, T0, testConfig } from '../testing/mentions.js';

function engineFor(rule: string) {
  const config = testConfig([rule]);
  return createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
}
const summary = (changes: AlertChange[]) => changes.map((c) => `${c.kind} ${c.alert.key} r${c.alert.revision} n=${c.alert.count}`);

describe('threshold rule', () => {
  it('opens at N negative mentions in the window, once, and resolves when the window slides past', () => {
    const engine = engineFor('{ id: neg, type: threshold, brand: nordtel, count: 3, window: 10m }');
    const out: string[] = [];
    out.push(...summary(engine.observe(mention({ id: 'a', at: T0 }), T0)));
    out.push(...summary(engine.observe(mention({ id: 'p', at: T0 + MIN, sentiment: 'positive' }), T0 + MIN)));
    out.push(...summary(engine.observe(mention({ id: 'b', at: T0 + 2 * MIN }), T0 + 2 * MIN)));
    out.push(...summary(engine.observe(mention({ id: 'b', at: T0 + 2 * MIN }), T0 + 3 * MIN))); // redelivered
    out.push(...summary(engine.observe(mention({ id: 'x', at: T0 + 3 * MIN, brandId: 'acme' }), T0 + 3 * MIN)));
    out.push(...summary(engine.observe(mention({ id: 'c', at: T0 + 4 * MIN }), T0 + 4 * MIN)));
    out.push(...summary(engine.observe(mention({ id: 'd', at: T0 + 5 * MIN }), T0 + 5 * MIN)));
    out.push(...summary(engine.tick(T0 + 9 * MIN)));
    out.push(...summary(engine.tick(T0 + 10 * MIN))); // 'a' leaves: b, c, d remain
    out.push(...summary(engine.tick(T0 + 12 * MIN))); // 'b' leaves
    expect(out).toEqual(['opened neg:nordtel:2026-11-20T10:00:00.000Z r1 n=3', 'resolved neg:nordtel:2026-11-20T10:00:00.000Z r2 n=2']);
  });

  it('ignores syndicated duplicates, other languages and mentions outside the window', () => {
    const engine = engineFor('{ id: neg, type: threshold, brand: all, count: 2, window: 10m, lang: [en] }');
    const changes = [
      ...engine.observe(mention({ id: 'a', at: T0 }), T0),
      ...engine.observe(mention({ id: 'b', at: T0, duplicateOf: 'a' }), T0),
      ...engine.observe(mention({ id: 'c', at: T0, lang: 'ru' }), T0),
      ...engine.observe(mention({ id: 'd', at: T0 - 11 * MIN }), T0), // published long ago, collected now
    ];
    expect(changes).toEqual([]);
    expect(summary(engine.observe(mention({ id: 'e', at: T0 + MIN }), T0 + MIN))).toEqual(['opened neg:nordtel:2026-11-20T10:00:00.000Z r1 n=2']);
  });

  it('re-notifies an open alert no more often than realert, backing off to realertMax', () => {
    const engine = engineFor('{ id: neg, type: threshold, brand: nordtel, count: 1, window: 1d, realert: 10m, realertMax: 40m }');
    const out: string[] = [];
    out.push(...summary(engine.observe(mention({ id: 'a', at: T0 }), T0)));
    for (let m = 1; m <= 120; m++) out.push(...summary(engine.tick(T0 + m * MIN)).map((s) => `${m}m ${s}`));
    expect(out.map((s) => s.replace(/ neg:\S+/, ''))).toEqual([
      'opened r1 n=1',
      '10m renotified r2 n=1', // 10m after open
      '30m renotified r3 n=1', // then 20m
      '70m renotified r4 n=1', // then 40m (capped)
      '110m renotified r5 n=1',
    ]);
  });

  it('does not open while silenced, and opens once the silence ends', () => {
    const engine = engineFor('{ id: neg, type: threshold, brand: nordtel, count: 1, window: 1h }');
    engine.setSilences([{ id: 's', ruleId: 'neg', brandId: 'nordtel', until: new Date(T0 + 5 * MIN).toISOString() }]);
    expect(engine.observe(mention({ id: 'a', at: T0 }), T0)).toEqual([]);
    expect(engine.tick(T0 + 4 * MIN)).toEqual([]);
    expect(summary(engine.tick(T0 + 5 * MIN))).toEqual(['opened neg:nordtel:2026-11-20T10:00:00.000Z r1 n=1']);
  });
});

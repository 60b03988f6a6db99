import { partitionFor } from '@earshot/bus';
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from './engine.js';
import { describeChange, type Step } from './testing/collect.js';
import { mention, MIN, T0, testConfig } from './testing/mentions.js';

const RULES = [
  '{ id: neg, type: threshold, brand: all, count: 3, window: 10m }',
  '{ id: share, type: negative-share, brand: all, share: 60, minVolume: 5, window: 30m }',
  '{ id: wom, type: high-impact, brand: all, window: 30m }',
];

/** A mixed stream over both brands, with ticks. */
function script(): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < 40; i++) {
    const at = T0 + i * MIN;
    const brandId = i % 3 === 0 ? 'acme' : 'nordtel';
    const sentiment = i % 4 === 1 ? 'positive' : 'negative';
    steps.push({ at, mention: mention({ id: `m${i}`, brandId, at, sentiment, warning: i === 17 }) });
    if (i % 5 === 4) steps.push({ at: at + 30_000, tick: true });
  }
  steps.push({ at: T0 + 90 * MIN, tick: true });
  return steps;
}

describe('alert engine', () => {
  it('instances that split brands by partition announce exactly what one instance does', () => {
    const config = testConfig(RULES);
    const make = () => createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
    const single = make();
    // Four partitions, two instances: instance 0 consumes partitions 0–1, instance 1 partitions 2–3.
    const split = [make(), make()];
    const owner = (brandId: string) => (partitionFor(brandId, 4) < 2 ? 0 : 1);
    expect(new Set(['nordtel', 'acme'].map(owner)).size).toBe(2); // the brands do land apart

    const one: string[] = [];
    const many: string[] = [];
    for (const step of script()) {
      if (step.mention) {
        one.push(...single.observe(step.mention, step.at).map(describeChange));
        many.push(...split[owner(step.mention.brandId)]!.observe(step.mention, step.at).map(describeChange));
      } else {
        one.push(...single.tick(step.at).map(describeChange));
        // Each instance ticks only the brands it owns.
        split.forEach((engine, p) =>
          many.push(
            ...engine
              .tick(
                step.at,
                ['nordtel', 'acme'].filter((b) => owner(b) === p),
              )
              .map(describeChange),
          ),
        );
      }
    }
    expect(one.length).toBeGreaterThan(4);
    expect([...many].sort()).toEqual([...one].sort());
  });

  it('reports rules it cannot evaluate instead of failing', () => {
    const config = testConfig([RULES[0]!]);
    const unknown: string[] = [];
    const rule = { ...config.rules[0]!, type: 'future-rule' } as unknown as (typeof config.rules)[number];
    createAlertEngine({ rules: [rule], brands: config.brands, onUnknownRule: (r) => unknown.push(r.id) });
    expect(unknown).toEqual(['neg']);
  });
});

import { describe, expect, it } from 'vitest';
import { createNearDuplicateIndex } from './near-duplicates.js';
import { hammingDistance, simhash } from './simhash.js';

const story = 'Nordtel raises mobile prices for the second time this year, customers in the north say the new plans cost more and give less data';

describe('near-duplicate detection (SimHash)', () => {
  it('puts syndicated copies a few bits apart and different stories far apart', () => {
    expect(hammingDistance(simhash(story), simhash(`${story} - Northern Ledger`))).toBeLessThanOrEqual(7);
    expect(
      hammingDistance(simhash(story), simhash('Tundra Coffee opens a roastery in the old harbour with a new espresso blend and a larger menu')),
    ).toBeGreaterThan(15);
  });

  it('marks a copy from another source as a duplicate of the first, per brand, and keeps verdicts stable', () => {
    const index = createNearDuplicateIndex();
    expect(index.check({ id: 'a', brandId: 'nordtel', title: 'Prices up', text: story })).toBeUndefined();
    expect(index.check({ id: 'b', brandId: 'nordtel', title: 'Prices up', text: `${story}.` })).toBe('a');
    expect(index.check({ id: 'c', brandId: 'nordtel', title: 'Prices up!', text: story })).toBe('a');
    // The same item seen again is not its own duplicate; the copy keeps its verdict.
    expect(index.check({ id: 'a', brandId: 'nordtel', title: 'Prices up', text: story })).toBeUndefined();
    expect(index.check({ id: 'b', brandId: 'nordtel', title: 'Prices up', text: `${story}.` })).toBe('a');
    // Another brand's mention of the same text is that brand's first.
    expect(index.check({ id: 'd', brandId: 'tundra', title: 'Prices up', text: story })).toBeUndefined();
  });

  it('ignores texts too short to tell apart, and forgets the oldest beyond its size', () => {
    const index = createNearDuplicateIndex({ maxEntries: 2 });
    expect(index.check({ id: 's1', brandId: 'b', title: 'Nordtel', text: 'down again' })).toBeUndefined();
    expect(index.check({ id: 's2', brandId: 'b', title: 'Nordtel', text: 'down again' })).toBeUndefined();
    index.check({ id: 'x', brandId: 'b', title: '', text: story });
    index.check({ id: 'y', brandId: 'b', title: '', text: 'A completely different text about coffee beans roasted slowly in small batches daily' });
    index.check({ id: 'z', brandId: 'b', title: '', text: 'Yet another unrelated text about trains running late on the coastal line this winter season' });
    expect(index.size()).toBe(2);
    expect(index.check({ id: 'x2', brandId: 'b', title: '', text: story })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { acknowledgedCount } from './partial-ack.js';

describe('acknowledgedCount', () => {
  it.each([
    [undefined, 5, 5],
    [{ handled: 0 }, 5, 0],
    [{ handled: 3 }, 5, 3],
    [{ handled: 5 }, 5, 5],
  ] as const)('reads %j of a batch of %i as %i', (result, size, expected) => {
    expect(acknowledgedCount(result, size)).toBe(expected);
  });

  it.each([{ handled: -1 }, { handled: 6 }, { handled: 1.5 }, { handled: Number.NaN }])('refuses %j for a batch of 5, naming the count', (result) => {
    expect(() => acknowledgedCount(result, 5)).toThrow(/acknowledged .* messages of a batch of 5: expected a whole number from 0 to 5/);
  });
});

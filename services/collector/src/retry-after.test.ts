import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it.each([
    ['120', 120_000],
    ['Fri, 20 Nov 2026 10:05:00 GMT', 300_000],
    ['Fri, 20 Nov 2026 09:00:00 GMT', 0],
    ['99999999', 24 * 3_600_000],
  ])('%s → %d ms', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));
  it.each([undefined, '', 'soon', '-5'])('ignores %j', (value) => expect(parseRetryAfter(value, now)).toBeUndefined());
});

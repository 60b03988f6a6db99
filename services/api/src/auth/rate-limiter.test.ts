import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

describe('rate limiter (token bucket per key)', () => {
  it('allows a minute’s allowance at once, then refuses with the seconds to wait, then refills', () => {
    let t = 0;
    const limiter = createRateLimiter({ now: () => t });
    const results = Array.from({ length: 4 }, () => limiter.take('a', 3));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ ok: false, retryAfterSeconds: 20 });
    t += 20_000;
    expect(limiter.take('a', 3).ok).toBe(true);
    expect(limiter.take('a', 3).ok).toBe(false);
  });

  it('keeps separate buckets per key', () => {
    const limiter = createRateLimiter({ now: () => 0 });
    expect(limiter.take('a', 1).ok).toBe(true);
    expect(limiter.take('a', 1).ok).toBe(false);
    expect(limiter.take('b', 1).ok).toBe(true);
  });
});

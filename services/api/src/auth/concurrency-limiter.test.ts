import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from './concurrency-limiter.js';

describe('concurrency limiter', () => {
  it('lets a key run at most `max` at once, and frees a slot on release (once)', () => {
    const limiter = createConcurrencyLimiter({ max: 2 });
    const a = limiter.acquire('token:analysts')!;
    const b = limiter.acquire('token:analysts')!;
    expect(limiter.acquire('token:analysts')).toBeUndefined();
    expect(limiter.acquire('token:ops')).toBeDefined(); // other tokens are not affected
    a();
    a(); // a second release changes nothing
    expect(limiter.running('token:analysts')).toBe(1);
    const c = limiter.acquire('token:analysts');
    expect(c).toBeDefined();
    b();
    c!();
    expect(limiter.running('token:analysts')).toBe(0);
  });
});

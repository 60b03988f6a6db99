import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostLimiter } from './host-limiter.js';

describe('host limiter', () => {
  afterEach(() => vi.useRealTimers());

  it('spaces request starts to one host, while another host goes at once', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = createHostLimiter({ concurrency: 10, perHostConcurrency: 5, perHostIntervalMs: 1000 });
    const starts: [string, number][] = [];
    const task = (host: string) => limiter.run(host, async () => void starts.push([host, Date.now() - 1_000_000]));
    const all = Promise.all([task('a.example'), task('a.example'), task('a.example'), task('b.example')]);
    await vi.advanceTimersByTimeAsync(2500);
    await all;
    expect(starts).toEqual([
      ['a.example', 0],
      ['b.example', 0],
      ['a.example', 1000],
      ['a.example', 2000],
    ]);
  });

  it('keeps to the global cap across hosts', async () => {
    const limiter = createHostLimiter({ concurrency: 2, perHostConcurrency: 2 });
    let running = 0;
    let max = 0;
    const task = (host: string) =>
      limiter.run(host, async () => {
        running++;
        max = Math.max(max, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
      });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(task));
    expect(max).toBe(2);
  });
});

// Caps how many costly requests (searches, exports, aggregations) one token may have running at
// once, so a single token cannot queue up every store reader; the next one gets a 429 with a
// Retry-After instead of waiting. Counts live per API instance, keyed by token name.
export interface ConcurrencyLimiter {
  /** Takes a slot for `key`: a release function, or undefined when `key` already has `max` running. */
  acquire(key: string): (() => void) | undefined;
  /** Requests running now for `key` (for tests and health). */
  running(key: string): number;
}

export function createConcurrencyLimiter(options: { max: number }): ConcurrencyLimiter {
  const running = new Map<string, number>();
  return {
    acquire(key) {
      const n = running.get(key) ?? 0;
      if (n >= options.max) return undefined;
      running.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (running.get(key) ?? 1) - 1;
        if (left > 0) running.set(key, left);
        else running.delete(key);
      };
    },
    running: (key) => running.get(key) ?? 0,
  };
}

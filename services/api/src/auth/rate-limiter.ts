// Token buckets, one per key (a token's name, or a client address for failed logins): a bucket holds
// up to a minute's allowance and refills continuously, so short bursts pass and floods get a 429
// with the seconds to wait.
export interface RateLimiter {
  /** Takes one request from `key`'s bucket: ok, or how many seconds until one is available. */
  take(key: string, perMinute: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export interface RateLimiterOptions {
  now?: () => number;
  /** Buckets kept at most; the least recently used are forgotten beyond this. */
  maxKeys?: number;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, perMinute) {
      const t = now();
      const capacity = Math.max(1, perMinute);
      const refillPerMs = perMinute / 60_000;
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * refillPerMs);
      bucket.at = t;
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}

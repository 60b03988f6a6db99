// The one retry helper. Defaults: 5 retries, 300 ms doubling to at most 30 s, ±20% jitter, so a
// fleet of consumers does not retry in lock-step. Only retriable errors are retried.
import { isRetriable } from './errors.js';

export interface RetryOptions {
  retries?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** Fraction of the delay added or removed at random (0.2 = ±20%). */
  jitter?: number;
  shouldRetry?: (err: unknown) => boolean;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export const RETRY_DEFAULTS = { retries: 5, initialDelayMs: 300, maxDelayMs: 30_000, factor: 2, jitter: 0.2 } as const;

/** The delay before retry number `attempt` (1-based). */
export function backoffDelay(attempt: number, options: RetryOptions = {}, random = Math.random): number {
  const initial = options.initialDelayMs ?? RETRY_DEFAULTS.initialDelayMs;
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const factor = options.factor ?? RETRY_DEFAULTS.factor;
  const jitter = options.jitter ?? RETRY_DEFAULTS.jitter;
  const base = Math.min(max, initial * factor ** (attempt - 1));
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? RETRY_DEFAULTS.retries;
  const shouldRetry = options.shouldRetry ?? isRetriable;
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= retries || !shouldRetry(err) || options.signal?.aborted) throw err;
      const delay = backoffDelay(attempt + 1, options, options.random);
      options.onRetry?.(err, attempt + 1, delay);
      await wait(delay, options.signal);
    }
  }
}

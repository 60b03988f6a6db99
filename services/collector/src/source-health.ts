// How each source is doing, and when to poll it next. A success waits the source's pollInterval
// (or longer if the server asked, via Retry-After); a failure backs off exponentially with jitter
// (1×, 2×, 4× … up to 16× the interval, never sooner than Retry-After). A source failing
// `unhealthyAfter` times in a row is reported unhealthy — and still polled, less often.
// The state is persisted, so a restart keeps a source's back-off and its health.
import { backoffDelay } from '@earshot/core';
import type { StateStore } from '@earshot/store';

export const HEALTH_NAMESPACE = 'collector.health';

export interface SourceHealth {
  consecutiveFailures: number;
  lastError?: string;
  lastStatus?: number;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** When the next poll is due (ISO). */
  nextPollAt?: string;
  /** Scheduled polls before this time are skipped: set by failures and by Retry-After. */
  backoffUntil?: string;
}

export interface PollResultForHealth {
  ok: boolean;
  error?: string;
  status?: number;
  retryAfterMs?: number;
}

export const MAX_BACKOFF_FACTOR = 16;

/** The delay before the next poll after this result. */
export function nextPollDelay(options: { pollInterval: number; failures: number; retryAfterMs?: number; random?: () => number }): number {
  const { pollInterval, failures } = options;
  const base =
    failures === 0
      ? pollInterval
      : backoffDelay(failures, { initialDelayMs: pollInterval, maxDelayMs: pollInterval * MAX_BACKOFF_FACTOR, factor: 2, jitter: 0.2 }, options.random);
  return Math.max(base, options.retryAfterMs ?? 0);
}

export function updateHealth(
  previous: SourceHealth,
  result: PollResultForHealth,
  options: { pollInterval: number; now: Date; random?: () => number },
): SourceHealth {
  const failures = result.ok ? 0 : previous.consecutiveFailures + 1;
  const delay = nextPollDelay({ pollInterval: options.pollInterval, failures, retryAfterMs: result.retryAfterMs, random: options.random });
  return {
    consecutiveFailures: failures,
    ...(result.ok
      ? { lastSuccessAt: options.now.toISOString() }
      : { lastError: result.error ?? 'failed', ...(previous.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}) }),
    ...(result.status !== undefined ? { lastStatus: result.status } : {}),
    lastAttemptAt: options.now.toISOString(),
    nextPollAt: new Date(options.now.getTime() + delay).toISOString(),
    ...(failures > 0 || result.retryAfterMs ? { backoffUntil: new Date(options.now.getTime() + delay).toISOString() } : {}),
  };
}

export interface HealthStore {
  load(sourceId: string): Promise<SourceHealth | undefined>;
  save(sourceId: string, health: SourceHealth): Promise<void>;
}

export function createHealthStore(options: { store: StateStore }): HealthStore {
  return {
    load: (sourceId) => options.store.getState<SourceHealth>(HEALTH_NAMESPACE, sourceId),
    save: (sourceId, health) => options.store.setState(HEALTH_NAMESPACE, sourceId, health),
  };
}

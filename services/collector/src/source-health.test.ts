import { describe, expect, it } from 'vitest';
import { nextPollDelay, updateHealth } from './source-health.js';

describe('source health and back-off', () => {
  const minute = 60_000;
  it('waits the poll interval after a success, doubling with jitter after failures, capped at 16×', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 9].map((failures) => nextPollDelay({ pollInterval: 5 * minute, failures, random: () => 0.5 }));
    expect(delays).toEqual([5, 5, 10, 20, 40, 80, 80, 80].map((m) => m * minute));
    const low = nextPollDelay({ pollInterval: 5 * minute, failures: 2, random: () => 0 });
    const high = nextPollDelay({ pollInterval: 5 * minute, failures: 2, random: () => 0.999 });
    expect([low, high]).toEqual([8 * minute, expect.closeTo(12 * minute, -3)]);
  });

  it('never polls sooner than Retry-After asks', () => {
    expect(nextPollDelay({ pollInterval: minute, failures: 1, retryAfterMs: 3_600_000, random: () => 0.5 })).toBe(3_600_000);
  });

  it('counts failures, remembers the last success and the back-off window', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const failed = updateHealth(
      { consecutiveFailures: 0, lastSuccessAt: '2026-11-20T09:00:00.000Z' },
      { ok: false, error: 'HTTP 500', status: 500 },
      { pollInterval: minute, now, random: () => 0.5 },
    );
    expect(failed).toMatchObject({
      consecutiveFailures: 1,
      lastError: 'HTTP 500',
      lastSuccessAt: '2026-11-20T09:00:00.000Z',
      backoffUntil: '2026-11-20T10:01:00.000Z',
    });
    const ok = updateHealth(failed, { ok: true, status: 200 }, { pollInterval: minute, now, random: () => 0.5 });
    expect(ok).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: now.toISOString(), nextPollAt: '2026-11-20T10:01:00.000Z' });
    expect(ok.backoffUntil).toBeUndefined();
  });
});

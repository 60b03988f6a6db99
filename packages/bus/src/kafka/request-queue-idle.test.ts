// kafkajs 2.2.4 rescheduled its pending-request check every millisecond on every connection, idle or
// not (tulios/kafkajs#1751: a negative delay, which Node 24 also warns of): an idle kafkajs bus woke
// its process ~1,000 times a second per connection (~3% of a core; `npm run bench -- kafka`, idle
// column). patches/kafkajs+2.2.4.patch, applied by `postinstall` (patch-package), lets the queue
// sleep until a request has to wait. These tests fail when the patch is not applied.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}
type RequestQueueClass = new (options: Record<string, unknown>) => RequestQueue;

const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as RequestQueueClass;
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const queue = () => new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, clientId: 'test', broker: '127.0.0.1:9092', logger: silent });

describe("kafkajs' request queue (patched)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('schedules nothing when no request is pending and nothing throttles it', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('still checks again while a request waits, and sleeps once the throttle is over', () => {
    vi.useFakeTimers();
    const q = queue();
    q.throttledUntil = Date.now() + 50;
    q.pending.push({});
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();

    q.pending.length = 0;
    const checks = vi.spyOn(q, 'checkPendingRequests');
    vi.advanceTimersByTime(1_000);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });
});

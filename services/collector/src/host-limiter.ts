// Politeness: at most `perHostConcurrency` requests in flight to one host and at most one request
// started per `perHostIntervalMs`, under a global cap on requests in flight — all via p-queue. One
// limiter per collector; a queue per host, created when a host is first seen (one per configured
// source host at most).
import PQueue from 'p-queue';

export interface HostLimiterOptions {
  concurrency: number;
  perHostConcurrency: number;
  /** Minimum spacing between request starts to one host (0 = none). */
  perHostIntervalMs?: number;
}

export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Requests waiting or running. */
  pending(): number;
  onIdle(): Promise<void>;
}

export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const global = new PQueue({ concurrency: options.concurrency });
  const hosts = new Map<string, PQueue>();
  const interval = options.perHostIntervalMs ?? 0;

  const queueFor = (host: string): PQueue => {
    let queue = hosts.get(host);
    if (!queue) {
      queue = new PQueue(interval > 0 ? { concurrency: options.perHostConcurrency, intervalCap: 1, interval } : { concurrency: options.perHostConcurrency });
      hosts.set(host, queue);
    }
    return queue;
  };

  return {
    // The host queue gates first, so a slow host never holds global slots while it waits its turn.
    run: (host, task) => queueFor(host.toLowerCase()).add(() => global.add(task)),
    pending: () => global.size + global.pending + [...hosts.values()].reduce((n, q) => n + q.size, 0),
    async onIdle() {
      await Promise.all([...hosts.values()].map((q) => q.onIdle()));
      await global.onIdle();
    },
  };
}

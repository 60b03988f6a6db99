// What `earshot run --once` says on stderr while it works, so a long run does not look stuck: nothing
// for a run that ends within PROGRESS_EVERY_MS, then a line that often (sources polled while it
// collects, mentions in the store while the pipeline drains). Up front it says when many sources
// share one host: the collector starts one request to a host per collector.perHostInterval
// (politeness, host-limiter.ts), so 2,000 feeds on one host take at least 1,000 s at 500 ms.

export const PROGRESS_EVERY_MS = 10_000;

/** The host most sources are on, when polling its sources one interval apart takes PROGRESS_EVERY_MS or more. */
export function busiestHost(sources: readonly { url: string }[], intervalMs: number): { host: string; sources: number; seconds: number } | undefined {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const host = URL.canParse(s.url) ? new URL(s.url).host : undefined;
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const [host, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!host || !n || (n - 1) * intervalMs < PROGRESS_EVERY_MS) return undefined;
  return { host, sources: n, seconds: Math.ceil(((n - 1) * intervalMs) / 1000) };
}

/** Calls `say` every PROGRESS_EVERY_MS until stopped; never keeps the process alive, and a line it cannot make is skipped. */
export function everyFewSeconds(say: () => void | Promise<void>): { stop(): void } {
  const timer = setInterval(
    () =>
      void Promise.resolve()
        .then(say)
        .catch(() => undefined),
    PROGRESS_EVERY_MS,
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

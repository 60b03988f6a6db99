// Consumer lag for operators: every few seconds, each consumer group this process runs is asked for
// its lag (messages on its topic not yet committed), which is set on earshot_consumer_lag_messages
// and watched for progress. A consumer that crashed without restarting, or hangs in a batch, stops
// committing: its lag stays up and never falls. Past `stuckAfter` without progress while lag > 0,
// health is 'error' (HTTP 503, so a liveness probe restarts the process), which the logs alone would
// hide; a lag that cannot be read is 'degraded'. The timer is unref'd: it never keeps a process alive.
import type { Health, Logger, Metrics, Service } from '@earshot/observability';

export interface LagSamplerOptions {
  consumers: { stage: string; groupId: string; topic: string }[];
  /** The bus's lag (Bus['lag']). */
  lag(groupId: string, topic: string): Promise<number>;
  metrics: Metrics;
  logger: Logger;
  intervalMs: number;
  stuckAfterMs: number;
  now?: () => number;
}

interface Watch {
  lag?: number;
  /** When the lag last fell or was 0: the group was keeping up or catching up then. */
  progressAt: number;
  error?: string;
}

export interface LagSampler extends Service {
  /** One round now (the timer calls it too). */
  sample(): Promise<void>;
}

export function createLagSampler(options: LagSamplerOptions): LagSampler {
  const now = options.now ?? Date.now;
  const watches = new Map(options.consumers.map((c) => [c, { progressAt: now() } as Watch]));
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  async function sampleOne(consumer: LagSamplerOptions['consumers'][number], watch: Watch): Promise<void> {
    try {
      const lag = await options.lag(consumer.groupId, consumer.topic);
      options.metrics.consumerLag.set({ stage: consumer.stage, group: consumer.groupId, topic: consumer.topic }, lag);
      if (lag === 0 || watch.lag === undefined || lag < watch.lag) watch.progressAt = now();
      watch.lag = lag;
      watch.error = undefined;
    } catch (err) {
      watch.error = err instanceof Error ? err.message : String(err);
      options.logger.warn({ err, groupId: consumer.groupId, topic: consumer.topic }, 'reading consumer lag failed');
    }
  }

  async function sample(): Promise<void> {
    await Promise.all([...watches].map(([c, w]) => sampleOne(c, w)));
  }

  function health(): Health {
    const details: Record<string, unknown> = {};
    let stuck = false;
    let unreadable = false;
    for (const [c, w] of watches) {
      const idleMs = now() - w.progressAt;
      const isStuck = (w.lag ?? 0) > 0 && idleMs >= options.stuckAfterMs;
      stuck ||= isStuck;
      unreadable ||= w.error !== undefined;
      details[c.groupId] = {
        topic: c.topic,
        lag: w.lag ?? null,
        ...(isStuck ? { stuck: `no progress for ${Math.round(idleMs / 1000)} s with ${w.lag} messages waiting` } : {}),
        ...(w.error ? { error: w.error } : {}),
      };
    }
    return { status: stuck ? 'error' : unreadable ? 'degraded' : 'ok', details };
  }

  return {
    id: 'consumer-lag',
    sample,
    async start() {
      await sample();
      timer = setInterval(() => {
        round ??= sample().finally(() => (round = undefined));
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await round;
    },
    health,
  };
}

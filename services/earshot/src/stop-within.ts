// Stopping with a deadline. A stage stops after its batch in flight, and the collector after its
// poll; on a busy process that can take longer than an orchestrator waits (Docker sends SIGKILL
// after 10 s). Past the deadline the process ends anyway: nothing read is lost, because a batch is
// committed only once processed (it comes again after a restart) and a feed's validators are saved
// only once its mentions are on the bus (it is fetched again).
import type { Logger } from '@earshot/observability';

export interface StopWithinOptions {
  stop(): Promise<void>;
  /** The whole budget, from the signal to the exit. */
  deadlineMs: number;
  logger: Logger;
  /** Kept back for exiting itself (a synchronous batch step can delay a timer). Default 1 s. */
  marginMs?: number;
}

/** 'stopped' when every service stopped in time, 'deadline' when the deadline came first. */
export async function stopWithin(options: StopWithinOptions): Promise<'stopped' | 'deadline'> {
  const budget = Math.max(options.deadlineMs - (options.marginMs ?? 1000), options.deadlineMs / 2);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), budget)));
  const stopped = options.stop().then(
    () => 'stopped' as const,
    (err: unknown) => {
      options.logger.error({ err }, 'stopping failed');
      return 'stopped' as const;
    },
  );
  const result = await Promise.race([stopped, deadline]);
  clearTimeout(timer);
  if (result === 'deadline')
    options.logger.warn({ deadlineMs: options.deadlineMs }, 'shutdown deadline reached: exiting; unfinished batches are redelivered after a restart');
  return result;
}

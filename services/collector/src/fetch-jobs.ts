// Scale-out: the poll schedule is shared through the bus, so with several collector processes each
// source is polled by exactly one of them at a time. Every process publishes a job per source and
// time slot (slot = ⌊now / pollInterval⌋) to `collector.jobs`, keyed by source id; all processes
// consume that topic in one consumer group, so a source's jobs all land in one partition, owned by
// one process. The owner polls and skips repeats of a slot it (or the previous owner — the last
// done slot is kept in store state) already did. The same code runs on the embedded bus in one
// process. Only the bus port is used: nothing here knows Kafka.
import { TOPICS } from '@earshot/schema';
import type { Bus, BusMessage, Subscription } from '@earshot/bus';
import type { SourceConfig } from '@earshot/config';
import type { Logger } from '@earshot/observability';
import type { StateStore } from '@earshot/store';

/** Tell the lead to move this into packages/schema/src/topics.ts with the others. */
export const COLLECTOR_JOBS_TOPIC = TOPICS.collectorJobs;
export const COLLECTOR_GROUP_ID = 'earshot-collector';
export const SLOTS_NAMESPACE = 'collector.slots';

export interface FetchJob {
  sourceId: string;
  slot: number;
}

export interface FetchJobsOptions {
  bus: Bus;
  store: StateStore;
  logger: Logger;
  sources: SourceConfig[];
  partitions: number;
  now: () => Date;
  /** Polls a source for a job this process owns; resolves when its mentions are published. */
  run(source: SourceConfig, job: FetchJob): Promise<void>;
}

export interface FetchJobs {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function slotOf(source: SourceConfig, at: Date): number {
  return Math.floor(at.getTime() / source.pollInterval);
}

export function encodeJob(job: FetchJob): Buffer {
  return Buffer.from(JSON.stringify(job));
}

export function decodeJob(message: BusMessage): FetchJob | undefined {
  try {
    const value = JSON.parse(message.value.toString('utf8')) as Partial<FetchJob>;
    return typeof value.sourceId === 'string' && typeof value.slot === 'number' ? { sourceId: value.sourceId, slot: value.slot } : undefined;
  } catch {
    return undefined;
  }
}

export function createFetchJobs(options: FetchJobsOptions): FetchJobs {
  const { bus, store, logger, now } = options;
  const sources = new Map(options.sources.map((s) => [s.id, s]));
  const timers = new Map<string, NodeJS.Timeout>();
  const lastDone = new Map<string, number>();
  let subscription: Subscription | undefined;
  let running = false;

  async function publishJob(source: SourceConfig): Promise<void> {
    await bus.publish(COLLECTOR_JOBS_TOPIC, [{ key: source.id, value: encodeJob({ sourceId: source.id, slot: slotOf(source, now()) }) }]);
  }

  /** Publishes the job of the current slot, then again at the start of every following slot. */
  function tick(source: SourceConfig): void {
    if (!running) return;
    publishJob(source).catch((err: unknown) => logger.warn({ source: source.id, err }, 'fetch job not published'));
    const t = now().getTime();
    const timer = setTimeout(() => tick(source), source.pollInterval - (t % source.pollInterval) + 1);
    timer.unref();
    timers.set(source.id, timer);
  }

  async function doneSlot(sourceId: string): Promise<number> {
    const known = lastDone.get(sourceId);
    if (known !== undefined) return known;
    const saved = (await store.getState<number>(SLOTS_NAMESPACE, sourceId)) ?? -1;
    lastDone.set(sourceId, saved);
    return saved;
  }

  async function handle(messages: BusMessage[], heartbeat: () => Promise<void>): Promise<void> {
    // Newest slot per source; repeats (one per collector process) and older slots collapse.
    const latest = new Map<string, FetchJob>();
    for (const message of messages) {
      const job = decodeJob(message);
      if (!job || !sources.has(job.sourceId)) continue;
      if ((latest.get(job.sourceId)?.slot ?? -1) < job.slot) latest.set(job.sourceId, job);
    }
    await Promise.all(
      [...latest.values()].map(async (job) => {
        if (job.slot <= (await doneSlot(job.sourceId))) return;
        await options.run(sources.get(job.sourceId)!, job);
        lastDone.set(job.sourceId, job.slot);
        await store.setState(SLOTS_NAMESPACE, job.sourceId, job.slot);
        await heartbeat();
      }),
    );
  }

  return {
    async start() {
      running = true;
      await bus.ensureTopics([{ name: COLLECTOR_JOBS_TOPIC, partitions: options.partitions }]);
      subscription = await bus.subscribe({
        groupId: COLLECTOR_GROUP_ID,
        topic: COLLECTOR_JOBS_TOPIC,
        handler: (messages, context) => handle(messages, () => context.heartbeat()),
      });
      for (const source of sources.values()) tick(source);
    },
    async stop() {
      running = false;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await subscription?.stop();
    },
  };
}

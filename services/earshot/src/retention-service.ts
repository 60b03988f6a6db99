// Runs `store.retention` beside the indexer: prunes mention indices past retention at start and then
// every few hours. A failed prune is logged and reported as degraded health; the next round tries again.
import type { Health, Logger, Service } from '@earshot/observability';
import type { MentionPruner } from './adapters.js';

export interface RetentionServiceOptions {
  prune: MentionPruner;
  logger: Logger;
  /** Between prunes (default 6 h). */
  everyMs?: number;
}

export function createRetentionService(options: RetentionServiceOptions): Service {
  const logger = options.logger.child({ component: 'retention' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let health: Health = { status: 'ok' };

  const round = async () => {
    try {
      const pruned = await options.prune({ dryRun: false });
      if (pruned.length) logger.info({ indices: pruned.map((p) => p.index) }, 'mention indices past retention deleted');
      health = { status: 'ok' };
    } catch (err) {
      logger.warn({ err }, 'pruning mention indices failed');
      health = { status: 'degraded', details: { error: err instanceof Error ? err.message : String(err) } };
    }
  };

  return {
    id: 'retention',
    async start() {
      running = round();
      timer = setInterval(() => void (running = round()), options.everyMs ?? 6 * 3_600_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
    health: () => health,
  };
}

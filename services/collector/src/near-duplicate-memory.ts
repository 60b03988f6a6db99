// Keeps the near-duplicate index across restarts, through the store port: the newest fingerprints
// (within `maxAgeMs`, at most the index's size) are read back before the first poll, what each poll
// learned is saved once its mentions are published, and the store is pruned to the same bounds
// now and then. Without it a restarted collector let a syndicated copy count again.
import type { Logger } from '@earshot/observability';
import type { StateStore } from '@earshot/store';
import type { NearDuplicateIndex } from './near-duplicates.js';

export interface NearDuplicateMemoryOptions {
  store: StateStore;
  index: NearDuplicateIndex;
  logger: Logger;
  now: () => Date;
  /** Fingerprints older than this are forgotten (default 7 days). */
  maxAgeMs?: number;
  /** Most fingerprints kept in the store (default 50,000, the index's default size). */
  maxEntries?: number;
  /** Least time between two prunes of the store (default 1 hour). */
  pruneEveryMs?: number;
}

export interface NearDuplicateMemory {
  /** Reads the saved fingerprints once; later calls wait for the same read. Never throws. */
  load(): Promise<void>;
  /** Saves what the index learned since the last save, and prunes when due. Never throws. */
  save(): Promise<void>;
}

export function createNearDuplicateMemory(options: NearDuplicateMemoryOptions): NearDuplicateMemory {
  const maxAgeMs = options.maxAgeMs ?? 7 * 86_400_000;
  const maxEntries = options.maxEntries ?? 50_000;
  const pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
  const logger = options.logger.child({ component: 'near-duplicates' });
  let loading: Promise<void> | undefined;
  let lastPrune = 0;
  const since = () => new Date(options.now().getTime() - maxAgeMs).toISOString();

  return {
    load() {
      loading ??= options.store
        .recentFingerprints({ since: since(), limit: maxEntries })
        .then((records) => {
          options.index.restore(records.reverse());
          logger.debug({ fingerprints: records.length }, 'near-duplicate fingerprints restored');
        })
        .catch((err: unknown) => logger.warn({ err }, 'near-duplicate fingerprints not restored; starting empty'));
      return loading;
    },
    async save() {
      const records = options.index.takeNew();
      try {
        if (records.length) await options.store.saveFingerprints(records);
        const at = options.now().getTime();
        if (at - lastPrune >= pruneEveryMs) {
          lastPrune = at;
          const removed = await options.store.pruneFingerprints({ before: since(), keep: maxEntries });
          if (removed) logger.debug({ removed }, 'near-duplicate fingerprints pruned');
        }
      } catch (err) {
        logger.warn({ err, fingerprints: records.length }, 'near-duplicate fingerprints not saved');
      }
    },
  };
}

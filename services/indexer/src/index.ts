// The indexer service: consumes mentions.enriched and writes them to the store.
import type { Service } from '@earshot/observability';
import { createStageRunner, type StageDeps } from '@earshot/pipeline';
import type { MentionIndex } from '@earshot/store';
import { TOPICS } from '@earshot/schema';
import { indexBatch } from './index-batch.js';
import { observeEndToEnd } from './end-to-end.js';

export { indexBatch } from './index-batch.js';

export function createIndexer(deps: StageDeps<MentionIndex> & { groupId?: string }): Service {
  const runner = createStageRunner({
    stage: 'indexer',
    bus: deps.bus,
    groupId: deps.groupId ?? 'earshot-indexer',
    topic: TOPICS.enriched,
    type: 'mention.enriched',
    logger: deps.logger.child({ component: 'indexer' }),
    metrics: deps.metrics,
    maxBatchSize: 1000,
    step: async (batch) => {
      const outcomes = await indexBatch(batch, deps.store);
      observeEndToEnd(batch, outcomes, deps.metrics);
      return outcomes;
    },
  });
  return {
    id: 'indexer',
    start: () => runner.start(),
    stop: () => runner.stop(),
    health: () => runner.health(),
  };
}

// The indexer service: consumes mentions.enriched and writes them to the store.
import { consumingStage, type ConsumingStage, type StageDeps } from '@earshot/pipeline';
import type { MentionIndex } from '@earshot/store';
import { TOPICS } from '@earshot/schema';
import { indexBatch } from './index-batch.js';
import { observeEndToEnd } from './end-to-end.js';

export { indexBatch } from './index-batch.js';

export function createIndexer(deps: StageDeps<MentionIndex> & { groupId?: string }): ConsumingStage {
  return consumingStage({
    name: 'indexer',
    deps,
    groupId: deps.groupId,
    topic: TOPICS.enriched,
    type: 'mention.enriched',
    maxBatchSize: 1000,
    step: async (batch) => {
      const outcomes = await indexBatch(batch, deps.store);
      observeEndToEnd(batch, outcomes, deps.metrics);
      return outcomes;
    },
  });
}

// The enricher service: consumes mentions.raw, produces mentions.enriched (by id) and mentions.by-brand (by brand).
import { ANALYZE_BATCH_CHUNK, createAnalyzer } from '@earshot/nlp';
import { consumingStage, type ConsumingStage, type StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';
import { enrichBatch } from './enrich.js';

export { enrichMention, enrichBatch } from './enrich.js';

/**
 * Mentions analyzed per batch at the most (the bus's DEFAULT_MAX_BATCH_SIZE is 500): the analyzer's
 * chunk, so that a batch is analysed as one. A batch mixes languages, and each language's turn in it
 * reloads that language's models into the cache, so larger batches are faster (0.83 of the speed of
 * texts in language order at 500, 0.95 at 2,000: packages/nlp/ROUNDS.md round 43). Batches are this
 * large only when a backlog waits; 2,000 mentions take about a tenth of a second.
 */
export const ENRICHER_MAX_BATCH = ANALYZE_BATCH_CHUNK;

export function createEnricher(deps: StageDeps & { groupId?: string }): ConsumingStage {
  const analyzer = createAnalyzer();
  const now = deps.now ?? (() => new Date());
  return consumingStage({
    name: 'enricher',
    deps,
    groupId: deps.groupId,
    topic: TOPICS.raw,
    type: 'mention.raw',
    maxBatchSize: ENRICHER_MAX_BATCH,
    step: async (batch) => enrichBatch(batch, analyzer, now()),
  });
}

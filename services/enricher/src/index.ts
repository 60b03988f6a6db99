// The enricher service: consumes mentions.raw, produces mentions.enriched (by id) and mentions.by-brand (by brand).
import { createAnalyzer } from '@earshot/nlp';
import { consumingStage, type ConsumingStage, type StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';
import { enrichBatch } from './enrich.js';

export { enrichMention, enrichBatch } from './enrich.js';

export function createEnricher(deps: StageDeps & { groupId?: string }): ConsumingStage {
  const analyzer = createAnalyzer();
  const now = deps.now ?? (() => new Date());
  return consumingStage({
    name: 'enricher',
    deps,
    groupId: deps.groupId,
    topic: TOPICS.raw,
    type: 'mention.raw',
    step: async (batch) => enrichBatch(batch, analyzer, now()),
  });
}

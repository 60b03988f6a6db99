// The enricher service: consumes mentions.raw, produces mentions.enriched (by id) and mentions.by-brand (by brand).
import { createAnalyzer } from '@earshot/nlp';
import type { Service } from '@earshot/observability';
import { createStageRunner, type StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';
import { enrichBatch } from './enrich.js';

export { enrichMention, enrichBatch } from './enrich.js';

export function createEnricher(deps: StageDeps & { groupId?: string }): Service {
  const analyzer = createAnalyzer();
  const now = deps.now ?? (() => new Date());
  const runner = createStageRunner({
    stage: 'enricher',
    bus: deps.bus,
    groupId: deps.groupId ?? 'earshot-enricher',
    topic: TOPICS.raw,
    type: 'mention.raw',
    logger: deps.logger.child({ component: 'enricher' }),
    metrics: deps.metrics,
    step: async (batch) => enrichBatch(batch, analyzer, now()),
  });
  return {
    id: 'enricher',
    start: () => runner.start(),
    stop: () => runner.stop(),
    health: () => runner.health(),
  };
}

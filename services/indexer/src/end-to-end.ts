// earshot_end_to_end_seconds: how long a mention took from collection (its collectedAt) to being
// stored, observed once the store accepted it. What operators watch to see the pipeline keep up.
import type { Metrics } from '@earshot/observability';
import type { DecodedMessage, Outcome } from '@earshot/pipeline';

export function observeEndToEnd(batch: DecodedMessage<'mention.enriched'>[], outcomes: Outcome[], metrics: Metrics, now = Date.now()): void {
  batch.forEach(({ message }, i) => {
    const collectedAt = Date.parse(message.payload.collectedAt);
    if (outcomes[i]?.kind !== 'ok' || !Number.isFinite(collectedAt)) return;
    metrics.endToEndSeconds.observe({ stage: 'indexer' }, Math.max(0, now - collectedAt) / 1000);
  });
}

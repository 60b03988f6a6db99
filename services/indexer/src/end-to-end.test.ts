import { createMetrics } from '@earshot/observability';
import { dlq, ok, type DecodedMessage } from '@earshot/pipeline';
import { describe, expect, it } from 'vitest';
import { observeEndToEnd } from './end-to-end.js';

const message = (collectedAt: string) => ({ message: { payload: { collectedAt } } }) as unknown as DecodedMessage<'mention.enriched'>;

describe('observeEndToEnd', () => {
  it('observes now − collectedAt for stored mentions only', async () => {
    const metrics = createMetrics();
    const now = Date.parse('2026-12-02T08:00:10Z');
    observeEndToEnd([message('2026-12-02T08:00:07Z'), message('2026-12-02T08:00:00Z'), message('not a date')], [ok(), dlq('rejected'), ok()], metrics, now);
    const text = await metrics.registry.metrics();
    expect(text).toContain('earshot_end_to_end_seconds_count{stage="indexer"} 1');
    expect(text).toContain('earshot_end_to_end_seconds_sum{stage="indexer"} 3');
  });
});

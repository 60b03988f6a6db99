// The collector's own metrics, on the injected registry (base units, low-cardinality labels). The
// shared ones (fetches, mentionsCollected) come with deps.metrics. Re-used when already registered,
// so two collectors on one registry (tests) do not collide.
import type { Metrics } from '@earshot/observability';
import { Counter, Gauge, Histogram } from 'prom-client';

export interface CollectorMetrics {
  fetchSeconds: Histogram<'source_type'>;
  duplicates: Counter<'source_type'>;
  unhealthy: Gauge;
  itemsDropped: Counter<'source_type' | 'reason'>;
  linksDropped: Counter<'source_type'>;
  mentionsShortened: Counter<'source_type' | 'cut'>;
}

export function createCollectorMetrics(metrics: Metrics): CollectorMetrics {
  const registers = [metrics.registry];
  const existing = <T>(name: string) => metrics.registry.getSingleMetric(name) as T | undefined;
  return {
    fetchSeconds:
      existing<Histogram<'source_type'>>('earshot_collector_fetch_duration_seconds') ??
      new Histogram({
        name: 'earshot_collector_fetch_duration_seconds',
        help: 'Time to fetch and parse one source',
        labelNames: ['source_type'],
        registers,
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      }),
    duplicates:
      existing<Counter<'source_type'>>('earshot_collector_near_duplicates_total') ??
      new Counter({
        name: 'earshot_collector_near_duplicates_total',
        help: 'Mentions marked as near-duplicates of an earlier one',
        labelNames: ['source_type'],
        registers,
      }),
    itemsDropped:
      existing<Counter<'source_type' | 'reason'>>('earshot_collector_items_dropped_total') ??
      new Counter({
        name: 'earshot_collector_items_dropped_total',
        help: 'Items not collected: truncated (past a feed size/nesting limit), malformed (wrong type)',
        labelNames: ['source_type', 'reason'],
        registers,
      }),
    linksDropped:
      existing<Counter<'source_type'>>('earshot_collector_links_dropped_total') ??
      new Counter({
        name: 'earshot_collector_links_dropped_total',
        help: 'Item links that were not http(s), removed (the mention keeps no link)',
        labelNames: ['source_type'],
        registers,
      }),
    mentionsShortened:
      existing<Counter<'source_type' | 'cut'>>('earshot_collector_mentions_shortened_total') ??
      new Counter({
        name: 'earshot_collector_mentions_shortened_total',
        help: 'Mentions cut to fit one bus message (mention-budget.ts): cut=markup (the html dropped) or text (its end too)',
        labelNames: ['source_type', 'cut'],
        registers,
      }),
    unhealthy:
      existing<Gauge>('earshot_collector_unhealthy_sources') ??
      new Gauge({ name: 'earshot_collector_unhealthy_sources', help: 'Sources failing repeatedly (still polled, less often)', registers }),
  };
}

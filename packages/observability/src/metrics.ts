// One Prometheus registry per process, built in `main` and injected. Base units, low-cardinality
// labels only (stage, topic, outcome, source type — never an id or URL).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  messagesProcessed: Counter<'stage' | 'outcome'>;
  batchSeconds: Histogram<'stage'>;
  endToEndSeconds: Histogram<'stage'>;
  fetches: Counter<'source_type' | 'result'>;
  mentionsCollected: Counter<'source_type'>;
  alertsFired: Counter<'rule_type' | 'state'>;
  deliveries: Counter<'channel' | 'result'>;
  consumerLag: Gauge<'stage' | 'group' | 'topic'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    messagesProcessed: new Counter({
      name: 'earshot_messages_processed_total',
      help: 'Messages handled by a stage, by outcome',
      labelNames: ['stage', 'outcome'],
      registers,
    }),
    batchSeconds: new Histogram({
      name: 'earshot_batch_duration_seconds',
      help: 'Time to process one batch',
      labelNames: ['stage'],
      registers,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    }),
    endToEndSeconds: new Histogram({
      name: 'earshot_end_to_end_seconds',
      help: 'From collection (collectedAt) to this stage; the indexer observes it when a mention is stored',
      labelNames: ['stage'],
      registers,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 60],
    }),
    fetches: new Counter({ name: 'earshot_fetches_total', help: 'Source fetches, by result', labelNames: ['source_type', 'result'], registers }),
    mentionsCollected: new Counter({
      name: 'earshot_mentions_collected_total',
      help: 'Mentions produced by collectors',
      labelNames: ['source_type'],
      registers,
    }),
    alertsFired: new Counter({ name: 'earshot_alerts_total', help: 'Alert state changes', labelNames: ['rule_type', 'state'], registers }),
    deliveries: new Counter({ name: 'earshot_deliveries_total', help: 'Notification deliveries, by result', labelNames: ['channel', 'result'], registers }),
    consumerLag: new Gauge({
      name: 'earshot_consumer_lag_messages',
      help: 'Messages on a topic not yet committed by a consumer group',
      labelNames: ['stage', 'group', 'topic'],
      registers,
    }),
  };
}

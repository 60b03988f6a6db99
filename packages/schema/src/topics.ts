// Topic names live here and nowhere else, so a rename is one edit.
export const TOPICS = {
  /** Raw mentions keyed by mention id, so one busy brand spreads over every enricher. */
  raw: 'mentions.raw',
  /** Enriched mentions keyed by mention id: spread over every partition, read by the indexer and the API. */
  enriched: 'mentions.enriched',
  /**
   * The same enriched mentions keyed by brand, read only by the alerter, which needs each brand's
   * mentions on one partition (one evaluator per brand). docs/keys-and-scaling.md says why.
   */
  byBrand: 'mentions.by-brand',
  alerts: 'alerts',
  /** Acknowledgments and silences from the API, applied by the alerter (the one writer of alert state); key = brand. */
  alertCommands: 'alerts.commands',
  dlq: 'mentions.dlq',
  /** Fetch jobs shared by the collectors of one group (each source polled by one of them). */
  collectorJobs: 'collector.jobs',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

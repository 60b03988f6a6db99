// Topic names live here and nowhere else, so a rename is one edit.
export const TOPICS = {
  /** Raw mentions keyed by mention id, so one busy brand spreads over every enricher. */
  raw: 'mentions.raw',
  /** Enriched mentions keyed by mention id: spread over every partition, read by the indexer and the API. */
  enriched: 'mentions.enriched',
  /**
   * The same enriched mentions keyed by brand, read only by the alerter, which needs each brand's
   * mentions on one partition (one evaluator per brand). It also carries the acknowledgments of
   * their alerts (`alert.command`, see alertCommandRoute), so they reach the brand's owner in order
   * with its mentions. docs/keys-and-scaling.md says why.
   */
  byBrand: 'mentions.by-brand',
  alerts: 'alerts',
  /** Silences from the API, stored by any one alerter (every alerter reads them from the store); key = brand, else rule. Acknowledgments go on byBrand. */
  alertCommands: 'alerts.commands',
  dlq: 'mentions.dlq',
  /** Fetch jobs shared by the collectors of one group (each source polled by one of them). */
  collectorJobs: 'collector.jobs',
} as const;

/**
 * The key on mentions.by-brand: the brand, so a brand's mentions and the acknowledgments of its
 * alerts share a partition and reach the one alerter that owns the brand, in order.
 */
export const byBrandKey = (brandId: string): string => brandId;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

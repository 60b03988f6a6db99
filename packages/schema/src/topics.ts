// Topic names live here and nowhere else, so a rename is one edit.
export const TOPICS = {
  raw: 'mentions.raw',
  enriched: 'mentions.enriched',
  alerts: 'alerts',
  dlq: 'mentions.dlq',
  /** Fetch jobs shared by the collectors of one group (each source polled by one of them). */
  collectorJobs: 'collector.jobs',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

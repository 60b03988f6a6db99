// Topic names live here and nowhere else, so a rename is one edit.
export const TOPICS = {
  raw: 'mentions.raw',
  enriched: 'mentions.enriched',
  alerts: 'alerts',
  /** Acknowledgments and silences from the API, applied by the alerter (the one writer of alert state); key = brand. */
  alertCommands: 'alerts.commands',
  dlq: 'mentions.dlq',
  /** Fetch jobs shared by the collectors of one group (each source polled by one of them). */
  collectorJobs: 'collector.jobs',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

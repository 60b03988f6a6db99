// An alert as the alerter publishes it and the notifier delivers it. `key` is stable per
// rule + brand + window, so the same condition is one alert however often it is evaluated.
import { z } from 'zod';
import { alertEvidenceSchema } from './alert-evidence.js';

const isoTime = z.iso.datetime({ offset: true });

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const alertSampleSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  url: z.string(),
  sourceId: z.string(),
  lang: z.string().optional(),
  sentiment: z.string().optional(),
  publishedAt: z.string().optional(),
});
export type AlertSample = z.infer<typeof alertSampleSchema>;

export const alertV1 = z.looseObject({
  key: z.string().min(1),
  ruleId: z.string().min(1),
  ruleType: z.string().min(1),
  brandId: z.string().min(1),
  severity: z.enum(SEVERITIES),
  state: z.enum(['open', 'resolved']),
  /** Increases each time the alert is (re)notified or changes state; deliveries are deduplicated on key + revision. */
  revision: z.number().int().nonnegative(),
  title: z.string(),
  summary: z.string(),
  windowStart: isoTime,
  windowEnd: isoTime,
  openedAt: isoTime,
  updatedAt: isoTime,
  resolvedAt: isoTime.optional(),
  count: z.number().int().nonnegative(),
  samples: z.array(alertSampleSchema).default([]),
  acknowledgedAt: isoTime.optional(),
  acknowledgedBy: z.string().optional(),
  /** Why it fired (alert-evidence.ts); absent on alerts from alerters that predate it. */
  evidence: alertEvidenceSchema.optional(),
});
export type Alert = z.infer<typeof alertV1>;

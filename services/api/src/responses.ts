// The body of every API response, as zod schemas. Routes are declared with defineRoute
// (http/define-route.ts), which makes each handler's body type-check against its schema, and the
// OpenAPI document (openapi.ts) converts the same schemas to JSON Schema: the code and the contract
// cannot drift apart. Alerts and mentions are the message schemas from @earshot/schema.
import { alertV1, enrichedMentionV1, storySchema } from '@earshot/schema';
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const keyCount = z.object({ key: z.string(), count });

/** Schemas with a name of their own in the document (components.schemas), referenced where used. */
export const NAMED_SCHEMAS = {
  Alert: alertV1,
  Mention: enrichedMentionV1,
  KeyCount: keyCount,
  Story: storySchema,
};

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'error']),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const openApiResponse = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const meResponse = z.object({ name: z.string(), role: z.enum(['read', 'admin']), rateLimit: z.number().positive() });

export const brandsResponse = z.object({ brands: z.array(z.object({ id: z.string(), name: z.string() })) });

export const mentionSearchResponse = z.object({ total: count, limit: count, offset: count, mentions: z.array(enrichedMentionV1) });

/** A file: CSV with a header row, or one JSON mention per line. */
export const mentionExportResponse = z.string();

export const panelsResponse = z.object({
  total: count,
  /** Bucket width of sentimentOverTime, in milliseconds. */
  interval: z.number().int().positive(),
  sentimentOverTime: z.array(z.object({ time: isoTime, sentiment: z.string(), count })),
  topicsBySentiment: z.array(z.object({ topic: z.string(), sentiment: z.string(), count })),
  sources: z.array(keyCount),
  languages: z.array(keyCount),
  authors: z.array(keyCount),
  sentiment: z.array(keyCount),
});

export const aggregateResponse = z.object({
  interval: z.number().int().positive().optional(),
  buckets: z.array(z.object({ time: isoTime.optional(), keys: z.record(z.string(), z.string()), count })),
});

export const alertListResponse = z.object({ alerts: z.array(alertV1) });

export const silenceSchema = z.object({
  id: z.string(),
  ruleId: z.string().optional(),
  brandId: z.string().optional(),
  until: isoTime,
  reason: z.string().optional(),
  createdBy: z.string().optional(),
});

export const silenceListResponse = z.object({ silences: z.array(silenceSchema) });

export const streamTicketResponse = z.object({ ticket: z.string(), expiresAt: isoTime });

/** Server-Sent Events: `event: ready|mention|alert`, `data:` one JSON object (a Mention, an Alert). */
export const streamResponse = z.string();

export const storyListResponse = z.object({ total: count, limit: count, offset: count, stories: z.array(storySchema) });

export const storyExportResponse = z.string();

// The marketer's overview: headline figures per brand against the previous period, share of voice.
const overviewPeriod = z.object({ from: z.string(), to: z.string() });
const overviewFigures = z.object({
  volume: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  positive: z.number().int(),
  negativeShare: z.number().nullable().describe('Negative mentions, percent of all (null without mentions)'),
  netSentiment: z.number().nullable().describe('(positive − negative) / (positive + negative) × 100'),
});

export const overviewResponse = z.object({
  period: overviewPeriod,
  previousPeriod: overviewPeriod.describe('As long as the period, ending where it starts'),
  brands: z.array(
    overviewFigures.extend({
      brandId: z.string(),
      name: z.string(),
      previous: overviewFigures,
      change: z.object({
        volume: z.number().nullable().describe('Percent of the previous volume (null when it was 0)'),
        negativeShare: z.number().nullable().describe('Percentage points'),
        netSentiment: z.number().nullable().describe('Points'),
      }),
    }),
  ),
  shareOfVoice: z.array(
    z.object({ brandId: z.string(), name: z.string(), count: z.number().int(), share: z.number().nullable(), previousShare: z.number().nullable() }),
  ),
});

export const labelsResponse = z.object({
  brands: z.array(z.object({ id: z.string(), name: z.string() })),
  sources: z.array(z.object({ id: z.string(), title: z.string(), type: z.string() })),
  topics: z.array(z.object({ id: z.string(), name: z.string() })),
});

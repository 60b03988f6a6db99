// Where alerts are delivered (channels) and who gets which (subscriptions). The notifier owns the
// semantics (services/notifier/README.md). Secrets (webhook keys, Slack URLs, SMTP passwords) should
// be written as `${ENV_VAR}` so they stay out of the file; the logger redacts them.
import { z } from 'zod';
import { duration, durationAtLeast } from './duration.js';
import { reportScheduleSchema } from './report.js';
import { httpUrl } from './sources.js';

const channelBase = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ., - and _'),
  /** Delivery attempts after the first one before giving up. */
  retries: z.number().int().nonnegative().default(5),
  /** First retry delay; doubles per attempt (jittered) up to `retryMaxDelay`. */
  retryDelay: duration.default(1_000),
  retryMaxDelay: duration.default(60_000),
  timeout: durationAtLeast(100).default(10_000),
  /** Deliveries in flight at once on this channel. */
  concurrency: z.number().int().positive().default(4),
  /** Allow the target to resolve to private, loopback or link-local addresses (tests, intranets). */
  allowPrivateNetwork: z.boolean().default(false),
};

export const webhookChannelSchema = z.object({
  ...channelBase,
  type: z.literal('webhook'),
  url: httpUrl,
  /** HMAC-SHA256 key for the signature header. Write `${ENV_VAR}` to read it from the environment. */
  secret: z.string().min(1).optional(),
});

export const slackChannelSchema = z.object({
  ...channelBase,
  type: z.literal('slack'),
  /** The Slack incoming-webhook URL (a secret: write `${SLACK_WEBHOOK_URL}`). */
  url: httpUrl,
  /** Link shown with each alert, e.g. the dashboard; `{key}` and `{brand}` are replaced. */
  link: z.string().optional(),
});

export const emailChannelSchema = z.object({
  ...channelBase,
  type: z.literal('email'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: z.boolean().default(false),
  username: z.string().optional(),
  password: z.string().optional(),
  from: z.string().min(3),
  to: z.array(z.string().min(3)).min(1),
  link: z.string().optional(),
});

export const channelSchema = z.discriminatedUnion('type', [webhookChannelSchema, slackChannelSchema, emailChannelSchema]);
export type ChannelConfig = z.infer<typeof channelSchema>;
export type ChannelType = ChannelConfig['type'];

const DIGEST_PERIODS: Record<string, number> = { hourly: 3_600_000, daily: 86_400_000 };

/** `hourly`, `daily` or a duration: alerts are collected and sent as one summary per period. */
export const digestPeriod = z.union([z.enum(['hourly', 'daily']).transform((p) => DIGEST_PERIODS[p]!), duration]);

export const subscriptionSchema = z.object({
  /** Names the subscription (digest state is kept under it); defaults to `<channel>#<index>`. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.#-]*$/, 'use letters, digits, ., #, - and _')
    .optional(),
  channel: z.string(),
  brand: z.union([z.string(), z.array(z.string())]).default('all'),
  rule: z.union([z.string(), z.array(z.string())]).default('all'),
  minSeverity: z.enum(['info', 'warning', 'critical']).default('info'),
  /** Also tell when an alert resolves. */
  resolved: z.boolean().default(true),
  /** Collect matching alerts into one summary per period instead of one message each. */
  digest: digestPeriod.optional(),
  /**
   * Instead of one message per alert: a report on a schedule (`{ schedule: weekly, hour: 9,
   * timeZone: Europe/Tallinn }`) with the period's headline figures, share of voice, charts and top alerts.
   */
  report: reportScheduleSchema.optional(),
});
export type SubscriptionConfig = z.infer<typeof subscriptionSchema>;

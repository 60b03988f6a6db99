// Alert rules, per brand. The alerter owns their semantics (services/alerter/README.md); config
// only checks their shape. Every rule has an id, the brands it watches, a severity, optional
// filters, and a re-notification interval; each type adds its own thresholds.
import { z } from 'zod';
import { duration, durationAtLeast } from './duration.js';

/** Windows and baselines shorter than a second count nothing useful (a `0` would never fire). */
const timeSpan = (defaultMs: number) => durationAtLeast(1000).default(defaultMs);

const severity = z.enum(['info', 'warning', 'critical']).default('warning');
const sentiment = z.enum(['negative', 'positive', 'neutral', 'any']).default('negative');

const ruleBase = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ., - and _'),
  brand: z.union([z.string(), z.array(z.string())]).default('all'),
  severity,
  /** Only mentions in these languages / from these sources / on these topics count. */
  lang: z.array(z.string()).optional(),
  source: z.array(z.string()).optional(),
  topic: z.array(z.string()).optional(),
  /**
   * Count posts by the brand's own accounts (`brandAccount: by-brand`) too. Absent: they are left
   * out — the brand's own apology is not customers' word-of-mouth — except by `source-silent`, for
   * which any post proves the source is alive (services/alerter `rule-filter.ts` decides).
   */
  includeBrandPosts: z
    .boolean({ error: (issue) => `true or false (whether posts by the brand's own accounts count), not ${JSON.stringify(issue.input)}` })
    .optional(),
  /** Least time between two notifications of the same open alert. */
  realert: duration.default(3_600_000),
  /** Double the realert interval after each re-notification, up to this (off when absent). */
  realertMax: duration.optional(),
};

/** At least `count` matching mentions within `window`. */
export const thresholdRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('threshold'),
  window: timeSpan(900_000),
  /** At least this many matching mentions within the window. */
  count: z.number().int().positive(),
  sentiment,
});

/** The matching count in the current window against its usual rate over a longer baseline. */
export const spikeRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('spike'),
  window: timeSpan(3_600_000),
  baseline: timeSpan(7 * 86_400_000),
  /** Fires when the window's count is at least `factor` × the baseline mean per window (3 when neither factor nor zScore is set). */
  factor: z.number().positive().optional(),
  /** Fires when the window's count is at least mean + zScore × standard deviation of the baseline windows. */
  zScore: z.number().positive().optional(),
  /** Never fires below this count, so a quiet brand's 1 → 3 is not a crisis. */
  minCount: z.number().int().positive().default(5),
  sentiment,
});

/** The share of negative mentions in the window, among all matching mentions. */
export const negativeShareRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('negative-share'),
  window: timeSpan(3_600_000),
  /** Percentage, 0–100. */
  share: z.number().min(0).max(100),
  /** Mentions needed in the window before the share means anything. */
  minVolume: z.number().int().positive().default(20),
});

/** A single mention that matters on its own: large reach, a 1–2 star review, a warning to others. */
export const highImpactRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('high-impact'),
  /** A negative mention with at least this reach. */
  reach: z.number().nonnegative().default(10_000),
  /** A review rated at most this (1–5); 0 turns ratings off. */
  maxRating: z.number().min(0).max(5).default(2),
  /** A mention that warns others ("don't buy", "не покупайте"). */
  warning: z.boolean().default(true),
  /** The alert stays open (collecting further such mentions) until none came for this long. */
  window: timeSpan(3_600_000),
});

/** A customer-expectation topic whose negative count rises sharply, or turns negative for the first time. */
export const topicNegativeRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('topic-negative'),
  window: timeSpan(3_600_000),
  baseline: timeSpan(7 * 86_400_000),
  /** Fires when the topic's negative count is at least `factor` × its baseline mean per window. */
  factor: z.number().positive().default(3),
  minCount: z.number().int().positive().default(3),
});

/** A source that normally produces has produced nothing for `period`: the collector is blind. */
export const sourceSilentRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('source-silent'),
  period: timeSpan(6 * 3_600_000),
  baseline: timeSpan(7 * 86_400_000),
  /** "Normally produces": at least this many mentions for the brand in the baseline. */
  minBaseline: z.number().int().positive().default(10),
});

/** A negative story (mentions telling the same thing, grouped by @earshot/stories) that grows past a size or a rate. */
export const storyRuleSchema = z.object({
  ...ruleBase,
  type: z.literal('story'),
  /** A story's mentions within this window count. */
  window: duration.default(6 * 3_600_000),
  /** Fires when a story has at least this many negative mentions within `window`… */
  size: z.number().int().positive().default(5),
  /** …or at least this many within `rateWindow` (off when absent). */
  rate: z.number().int().positive().optional(),
  rateWindow: duration.default(3_600_000),
  /** Only stories whose mentions in the window are at least this negative (percentage, 0–100). */
  negativeShare: z.number().min(0).max(100).default(50),
});

export const ruleSchema = z.discriminatedUnion('type', [
  thresholdRuleSchema,
  spikeRuleSchema,
  negativeShareRuleSchema,
  highImpactRuleSchema,
  topicNegativeRuleSchema,
  sourceSilentRuleSchema,
  storyRuleSchema,
]);
export type RuleConfig = z.infer<typeof ruleSchema>;
export type RuleType = RuleConfig['type'];
export type RuleOf<T extends RuleType> = Extract<RuleConfig, { type: T }>;

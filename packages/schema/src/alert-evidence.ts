// Why an alert fired, computed by the alerter when it opens or re-notifies an alert: the mentions
// driving it (most negative, highest reach), the phrases and topics that stand out in the window
// against the baseline before it, the languages and sources, and how far the volume is above
// normal. An optional field of alert v1: readers that predate it keep it as an unknown field, and an
// alert without it (older alerter, resolved before evidence existed) is still a valid alert.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

export const EVIDENCE_REASONS = ['most-negative', 'highest-reach'] as const;

export const evidenceMentionSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  /** The start of the text, at most a few hundred characters. */
  excerpt: z.string(),
  url: z.string(),
  sourceId: z.string(),
  lang: z.string().optional(),
  sentiment: z.string().optional(),
  /** Sentiment score, -1 (most negative) to 1. */
  score: z.number().optional(),
  reach: z.number().nonnegative().optional(),
  publishedAt: z.string().optional(),
  /** Why this mention is shown: among the most negative, among the highest reach, or both. */
  reasons: z.array(z.enum(EVIDENCE_REASONS)),
});
export type EvidenceMention = z.infer<typeof evidenceMentionSchema>;

/** A phrase or topic: mentions carrying it in the window and in the baseline, and how much more often it occurs now. */
export const evidenceTermSchema = z.looseObject({
  term: z.string(),
  count,
  baselineCount: count,
  /** Share of window mentions carrying it ÷ (smoothed) share of baseline mentions; above 1 = more than usual. */
  lift: z.number().nonnegative(),
});
export type EvidenceTerm = z.infer<typeof evidenceTermSchema>;

export const evidenceShareSchema = z.looseObject({ key: z.string(), count });
export type EvidenceShare = z.infer<typeof evidenceShareSchema>;

export const alertEvidenceSchema = z.looseObject({
  mentions: z.array(evidenceMentionSchema),
  phrases: z.array(evidenceTermSchema),
  topics: z.array(evidenceTermSchema),
  languages: z.array(evidenceShareSchema),
  sources: z.array(evidenceShareSchema),
  sentiment: z.looseObject({ negative: count, neutral: count, positive: count }),
  /** The window's count against the mean count per window of the same length in the baseline. */
  volume: z.looseObject({
    count,
    baselineMean: z.number().nonnegative(),
    /** count ÷ baselineMean; null when the baseline had none (nothing to compare with). */
    ratio: z.number().nonnegative().nullable(),
  }),
  /** The baseline the window is compared with (shorter than configured while the alerter's memory fills). */
  baseline: z.looseObject({ from: isoTime, to: isoTime, count }),
});
export type AlertEvidence = z.infer<typeof alertEvidenceSchema>;

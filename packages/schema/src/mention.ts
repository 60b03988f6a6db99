// The payloads that travel between stages: a raw mention (what a collector saw), an enriched mention
// (what the enricher understood of it). Version 1 of each; a new version gets a new schema beside it.
import { z } from 'zod';
import { BRAND_ACCOUNT_ROLES, MATCHED_BY, SENTIMENT_LABELS, SHORTENED } from './mention-labels.js';

const isoTime = z.iso.datetime({ offset: true });

export const rawMentionV1 = z.looseObject({
  id: z.string().min(1),
  brandId: z.string().min(1),
  sourceId: z.string().min(1),
  sourceType: z.string().min(1),
  url: z.string(),
  title: z.string(),
  text: z.string(),
  /** The item's original markup where it had any, kept beside the clean text. */
  html: z.string().optional(),
  author: z.string().optional(),
  langHint: z.string().optional(),
  publishedAt: isoTime.optional(),
  collectedAt: isoTime,
  /** Star rating normalised to 1–5 where the source has one. */
  rating: z.number().min(0).max(5).optional(),
  /** Audience size or score where the source reports one (followers, upvotes, views). */
  reach: z.number().nonnegative().optional(),
  /** Set when the same story was already seen from another source (near-duplicate text). */
  duplicateOf: z.string().optional(),
  /**
   * How the item was found to be about the brand: its query matched the text, the source is declared
   * to be about the brand (its own review page), or a handle/hashtag carries the brand. Absent on
   * mentions written before it existed, which were all matched by query.
   */
  matchedBy: z.enum(MATCHED_BY).optional(),
  /** Posted by one of the brand's own accounts, or addressed to one. */
  brandAccount: z.enum(BRAND_ACCOUNT_ROLES).optional(),
  /**
   * Set when the item was too large for one bus message and the collector cut it: its markup was
   * dropped ('markup'), or the end of its text, then of its title, too ('text').
   */
  shortened: z.enum(SHORTENED).optional(),
});
export type RawMention = z.infer<typeof rawMentionV1>;

export const sentimentSchema = z.object({
  label: z.enum(SENTIMENT_LABELS),
  score: z.number().min(-1).max(1),
});
export type Sentiment = z.infer<typeof sentimentSchema>;

export const enrichmentV1 = z.looseObject({
  lang: z.string(),
  langConfidence: z.number().min(0).max(1).optional(),
  sentiment: sentimentSchema,
  topics: z.array(z.looseObject({ topic: z.string(), sentiment: sentimentSchema })),
  signals: z.looseObject({
    warning: z.boolean(),
    recommendation: z.boolean(),
    phrases: z.array(z.string()).default([]),
  }),
  /** Set only when the mention was longer than the analysis reads: how many characters of it (title and text) were judged. */
  readChars: z.number().int().positive().optional(),
  enrichedAt: isoTime,
});
export type Enrichment = z.infer<typeof enrichmentV1>;

export const enrichedMentionV1 = rawMentionV1.extend({ nlp: enrichmentV1 });
export type EnrichedMention = z.infer<typeof enrichedMentionV1>;

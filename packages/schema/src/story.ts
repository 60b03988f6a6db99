// A story: mentions of one brand that tell the same thing (an outage, a price rise, a leaky app),
// grouped as they arrive by @earshot/stories inside the alerter, stored through the store port and
// served by the API. Its id is stable (derived from the mention that started it), so a replay or a
// second writer after a rebalance overwrites the same record instead of adding another.
import { z } from 'zod';
import { SENTIMENT_LABELS } from './mention-labels.js';

const isoTime = z.iso.datetime({ offset: true });

export const storySampleSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  sourceId: z.string(),
  lang: z.string(),
  sentiment: z.enum(SENTIMENT_LABELS),
  time: isoTime,
});
export type StorySample = z.infer<typeof storySampleSchema>;

export const storySchema = z.object({
  id: z.string().min(1),
  brandId: z.string().min(1),
  /** The headline of the mention most typical of the story (the one sharing most with the rest). */
  title: z.string(),
  /** Mentions in the story, near-duplicates included. */
  size: z.number().int().nonnegative(),
  firstSeen: isoTime,
  lastSeen: isoTime,
  /** Mentions in the hour up to lastSeen. */
  velocity: z.number().nonnegative(),
  sentiment: z.object({ positive: z.number().int().nonnegative(), neutral: z.number().int().nonnegative(), negative: z.number().int().nonnegative() }),
  /** The label most of its mentions carry (negative on a tie with negative). */
  dominantSentiment: z.enum(SENTIMENT_LABELS),
  /** Mention count per language and per source id. */
  languages: z.record(z.string(), z.number().int().nonnegative()),
  sources: z.record(z.string(), z.number().int().nonnegative()),
  topics: z.array(z.string()),
  /** The words, names, numbers, links and hashtags its mentions share most. */
  keyTerms: z.array(z.string()),
  /** Member mention ids, oldest first (the newest 1000 at most). */
  mentionIds: z.array(z.string()),
  /** The newest few mentions, newest first. */
  samples: z.array(storySampleSchema),
  /** The grouping profile (feature → weight) the alerter restores on a warm start; not for display. */
  profile: z.record(z.string(), z.number()),
  updatedAt: isoTime,
});
export type Story = z.infer<typeof storySchema>;

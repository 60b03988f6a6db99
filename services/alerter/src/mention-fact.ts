// What the rules need to know of an enriched mention, computed once: its place in time, whether it
// is negative, its topics, its word-of-mouth flags, whether the brand posted it itself, and the
// sample an alert shows for it.
//
// Time: windows run on the mention's event time (published, else collected — the same time the
// store filters on, so a warm start from the store rebuilds exactly what the stream built), capped
// at the alerter's clock so a skewed future date cannot hold a window open. A mention published
// long ago and collected only now lands in the baseline, not in the current window: old news is not
// spreading word-of-mouth.
import { mentionTime, type AlertSample, type EnrichedMention, type SentimentLabel } from '@earshot/schema';

export interface MentionFact {
  id: string;
  brandId: string;
  sourceId: string;
  time: number;
  lang: string;
  sentiment: SentimentLabel;
  /** Sentiment score, -1 (most negative) to 1. */
  score: number;
  /** Word-of-mouth phrases the enricher found. */
  phrases: string[];
  topics: { topic: string; sentiment: SentimentLabel }[];
  warning: boolean;
  /** Posted by one of the brand's own accounts (`brandAccount: by-brand`): the brand speaking, not its customers. */
  byBrand: boolean;
  rating?: number;
  reach?: number;
  /** The story the mention was grouped into (@earshot/stories), when the engine groups stories. */
  story?: { id: string; title: string };
  sample: AlertSample;
}

const SAMPLE_TEXT_LIMIT = 280;

export function toMentionFact(m: EnrichedMention, now: number, story?: { id: string; title: string }): MentionFact {
  const time = Math.min(mentionTime(m), now);
  const text = m.text.length > SAMPLE_TEXT_LIMIT ? `${m.text.slice(0, SAMPLE_TEXT_LIMIT - 1)}…` : m.text;
  return {
    id: m.id,
    brandId: m.brandId,
    sourceId: m.sourceId,
    time: Number.isFinite(time) ? time : now,
    lang: m.nlp.lang,
    sentiment: m.nlp.sentiment.label,
    score: m.nlp.sentiment.score,
    phrases: m.nlp.signals.phrases ?? [],
    topics: m.nlp.topics.map((t) => ({ topic: t.topic, sentiment: t.sentiment.label })),
    warning: m.nlp.signals.warning,
    byBrand: m.brandAccount === 'by-brand',
    rating: m.rating,
    reach: m.reach,
    ...(story ? { story } : {}),
    sample: {
      id: m.id,
      title: m.title,
      text,
      url: m.url,
      sourceId: m.sourceId,
      lang: m.nlp.lang,
      sentiment: m.nlp.sentiment.label,
      ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
    },
  };
}

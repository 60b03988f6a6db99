// The shapes the rest of Earshot sees from packages/nlp: kept in one place so the public API is
// easy to find and every component agrees on what a sentiment or an analysis looks like. Data shapes
// are type aliases (not interfaces) so they fit the message schema's open object types.

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export type Sentiment = {
  label: SentimentLabel;
  /** In [-1, 1]: negative below zero, positive above. */
  score: number;
};

export type TopicMention = {
  topic: string;
  sentiment: Sentiment;
};

export type WordOfMouth = {
  warning: boolean;
  recommendation: boolean;
  phrases: string[];
};

export type Analysis = {
  /** ISO 639-1 code, or 'und'. */
  lang: string;
  /** 0..1 */
  langConfidence: number;
  sentiment: Sentiment;
  topics: TopicMention[];
  signals: WordOfMouth;
  /**
   * Set only when the text was longer than the analysis reads (MAX_ANALYZED_CHARS): how many of its
   * characters (UTF-16 code units, from the start) the judgement rests on.
   */
  readChars?: number;
};

export interface AnalyzeOptions {
  langHint?: string;
}

export interface AnalyzeInput extends AnalyzeOptions {
  text: string;
}

export interface Analyzer {
  /** Judges a mention by its first MAX_ANALYZED_CHARS (100,000) characters (analyzer.ts). */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /**
   * The same analyses as analyze() on each input, in the inputs' order, for the many mentions a
   * consumer reads at once. The texts are analyzed grouped by language, so each language's models stay
   * in the processor's cache instead of taking turns with the other languages' (ROUNDS.md, round 10).
   */
  analyzeBatch(inputs: readonly AnalyzeInput[]): Analysis[];
}

export interface DetectedLanguage {
  lang: string;
  confidence: number;
}

/** The languages Earshot understands fully (sentiment, topics, signals). */
export const SUPPORTED_LANGUAGES = ['en', 'ru', 'kk', 'he', 'et'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export function isSupportedLanguage(lang: string): lang is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}

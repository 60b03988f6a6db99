// Sentiment for one language: the trained model when one is loaded, else the lexicon alone.
// Binary models (trained without a neutral class) answer neutral when the two classes are nearly
// tied; every model answers neutral for a text with no opinion words that it is not sure about.

import type { Sentiment, SentimentLabel } from '../types.js';
import type { PreparedText } from '../text/prepare-text.js';
import type { FeatureExtractor } from './extract-features.js';
import { FeatureBuffer } from './feature-buffer.js';
import type { LinearModel } from './linear-model.js';
import type { LexiconScorer } from './lexicon-scorer.js';
import { looksLikeAnnouncement, looksLikeOffer, type AnnouncementCues } from './announcement-cues.js';
import { looksLikeQuestion, type QuestionCues } from './question-cues.js';
import { threeDecimals } from '../three-decimals.js';

export interface SentimentScorer {
  score(text: PreparedText): Sentiment;
  /** After score(text): that text's features (the topic model reads them too), if the scorer computes any. */
  readonly features?: FeatureBuffer;
  /** Computes another text's features into `features` without scoring it (a long mention's pieces: topics/mention-pieces.ts). */
  extract?(text: PreparedText): FeatureBuffer;
}

/**
 * When a mention is neutral although the model picked a side: a binary model (no neutral class)
 * says neutral inside `band` of a tie; any model says neutral when no polar lexicon word occurs and
 * its score stays inside `opinionBand` (no opinion words, no confident model: an announcement, a
 * question, plain news). Measured per language, see ROUNDS.md and scripts/measure-neutral.ts.
 */
export interface NeutralRule {
  band: number;
  opinionBand: number;
  /**
   * A text that looks like an announcement (announcement-cues.ts: names a time, no first or second
   * person, no "!") and has no polar lexicon word is neutral while |score| stays inside this band.
   */
  announcementBand?: number;
  /**
   * A three-class model's label read from its score instead of its most likely class: negative at or
   * below zone[0], positive at or above zone[1], neutral between. Where a language's neutral texts are
   * the mixed ones (Kazakh three-star reviews), the score finds more of them than the neutral class's
   * own probability does (scripts/measure-neutral-zone.ts, ROUNDS.md round 34).
   */
  zone?: readonly [number, number];
  /**
   * A short information question (question-cues.ts: one sentence ending with "?", a question word, no "why",
   * no first person) with no polar lexicon word is neutral, however sure the model is.
   */
  questions?: boolean;
  /**
   * An offer or a notice that sends its reader to details elsewhere (announcement-cues.ts: "подробности
   * на сайте", no first or second person, no "!") with no polar lexicon word is neutral, however sure the
   * model is. Where it has a polar word, the model decides: held out of training, the Russian offers with
   * one were mostly labeled negative (news of sanctions, "Подробнее: …"), ROUNDS.md round 46.
   */
  offers?: boolean;
}

export const DEFAULT_NEUTRAL_RULE: NeutralRule = { band: 0.1, opinionBand: 0 };

export function createModelScorer(options: {
  model: LinearModel;
  extractor: FeatureExtractor;
  neutral?: NeutralRule;
  announcement?: AnnouncementCues | undefined;
  question?: QuestionCues | undefined;
}): SentimentScorer {
  const { model, extractor, announcement, question } = options;
  const neutral = options.neutral ?? DEFAULT_NEUTRAL_RULE;
  const { zone } = neutral;
  const pos = model.classes.indexOf('positive');
  const neg = model.classes.indexOf('negative');
  // Scratch space owned by this scorer: analyze() is synchronous, so one buffer serves every call.
  const features = new FeatureBuffer();
  const p = new Float64Array(model.classes.length);
  return {
    features,
    extract(text) {
      extractor.extractInto(text, features);
      return features;
    },
    score(text) {
      const hits = extractor.extractInto(text, features);
      if (features.length === 0) return { label: 'neutral', score: 0 };
      model.predictInto(features, features.length, p);
      const score = clamp((pos >= 0 ? p[pos]! : 0) - (neg >= 0 ? p[neg]! : 0));
      let best = 0;
      for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
      let label: SentimentLabel = model.classes[best] ?? 'neutral';
      if (zone && model.classes.length === 3) label = score <= zone[0] ? 'negative' : score >= zone[1] ? 'positive' : 'neutral';
      const abs = Math.abs(score);
      if (model.classes.length === 2 && abs < neutral.band) label = 'neutral';
      const noOpinionWords = hits.positive === 0 && hits.negative === 0;
      if (abs < neutral.opinionBand && noOpinionWords) label = 'neutral';
      else if (announcement && noOpinionWords && abs < (neutral.announcementBand ?? 0) && looksLikeAnnouncement(text, announcement)) label = 'neutral';
      else if (neutral.questions && question && noOpinionWords && looksLikeQuestion(text, question)) label = 'neutral';
      else if (neutral.offers && announcement && noOpinionWords && looksLikeOffer(text, announcement)) label = 'neutral';
      return { label, score: threeDecimals(score) };
    },
  };
}

export function createLexiconOnlyScorer(options: { lexicon: LexiconScorer; extra?: (text: string) => number }): SentimentScorer {
  return {
    score(text) {
      const hits = options.lexicon.score(text.words);
      const raw = hits.score / 2 + (options.extra ? options.extra(text.text) * 2 : 0);
      const score = clamp(Math.tanh(raw));
      const label: SentimentLabel = score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
      return { label, score: threeDecimals(score) };
    },
  };
}

function clamp(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

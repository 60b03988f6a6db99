// Sentiment for one language: the trained model when one is loaded, else the lexicon alone.
// Binary models (English, Hebrew: trained without a neutral class) answer neutral only when the
// two classes are nearly tied.

import type { Sentiment, SentimentLabel } from '../types.js';
import type { PreparedText } from '../text/prepare-text.js';
import type { FeatureExtractor } from './extract-features.js';
import { FeatureBuffer } from './feature-buffer.js';
import type { LinearModel } from './linear-model.js';
import type { LexiconScorer } from './lexicon-scorer.js';

export interface SentimentScorer {
  score(text: PreparedText): Sentiment;
  /** After score(text): that text's features (the topic model reads them too), if the scorer computes any. */
  readonly features?: FeatureBuffer;
}

const BINARY_NEUTRAL_BAND = 0.1;

export function createModelScorer(options: { model: LinearModel; extractor: FeatureExtractor }): SentimentScorer {
  const { model, extractor } = options;
  const pos = model.classes.indexOf('positive');
  const neg = model.classes.indexOf('negative');
  // Scratch space owned by this scorer: analyze() is synchronous, so one buffer serves every call.
  const features = new FeatureBuffer();
  const p = new Float64Array(model.classes.length);
  return {
    features,
    score(text) {
      extractor.extractInto(text, features);
      if (features.length === 0) return { label: 'neutral', score: 0 };
      model.predictInto(features, features.length, p);
      const score = clamp((pos >= 0 ? p[pos]! : 0) - (neg >= 0 ? p[neg]! : 0));
      let best = 0;
      for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
      let label: SentimentLabel = model.classes[best] ?? 'neutral';
      if (model.classes.length === 2 && Math.abs(score) < BINARY_NEUTRAL_BAND) label = 'neutral';
      return { label, score: round(score) };
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
      return { label, score: round(score) };
    },
  };
}

function clamp(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

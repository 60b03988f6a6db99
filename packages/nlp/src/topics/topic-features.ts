// The features of the learned topic tagger beyond the sentiment model's own (hashed words, bigrams,
// character n-grams, negation marks, lexicon scores, which it reads from the same buffer): which
// topics' cue words occur, once shared by all languages and once per language, a per-language
// bias, and how likely the text is each kind of text its language's domain classifier knows
// (text-domains.ts: a movie review, a bank tweet …). They live above the hashed range, so they never
// collide with hashed features. Training and prediction both number them with the functions here, so
// the two cannot drift apart (topic-model.test.ts checks that they agree on real models).

import type { SparseVector } from '../sentiment/feature-buffer.js';
import { HASH_BITS } from '../sentiment/language-features.js';
import type { LinearModel } from '../sentiment/linear-model.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { TOPIC_IDS } from './topic-cues.js';

/** First index of the topic features: after 2^HASH_BITS hashed buckets and the dense sentiment features. */
export const TOPIC_FEATURE_BASE = (1 << HASH_BITS) + 32;
const TOPICS = TOPIC_IDS.length;
const SHARED_CUE = TOPIC_FEATURE_BASE + 8;
/** The text-domain probabilities, MAX_DOMAINS per language, after the cue features. */
const DOMAIN_FEATURES = SHARED_CUE + TOPICS * (1 + SUPPORTED_LANGUAGES.length);
export const MAX_DOMAINS = 4;

export function languageIndex(lang: string): number {
  const i = (SUPPORTED_LANGUAGES as readonly string[]).indexOf(lang);
  return i < 0 ? 0 : i;
}

/** The feature every mention in the language has (a per-language bias). */
export function languageFeature(langIndex: number): number {
  return TOPIC_FEATURE_BASE + langIndex;
}

/** The two features of topic t's cue words occurring in a mention in the language: shared by all languages, and the language's own. */
export function cueFeatures(langIndex: number, t: number): [shared: number, own: number] {
  return [SHARED_CUE + t, SHARED_CUE + TOPICS * (1 + langIndex) + t];
}

/** The feature carrying the probability of the language's d-th kind of text (d < MAX_DOMAINS). */
export function domainFeature(langIndex: number, d: number): number {
  return DOMAIN_FEATURES + langIndex * MAX_DOMAINS + d;
}

/** Calls `add(index)` for each extra (value 1) feature of a mention in `lang` with term-cue mask `cueMask`. */
export function topicExtraFeatures(langIndex: number, cueMask: number, add: (index: number) => void): void {
  add(languageFeature(langIndex));
  if (cueMask === 0) return;
  for (let t = 0; t < TOPICS; t++) {
    if ((cueMask & (1 << t)) === 0) continue;
    const [shared, own] = cueFeatures(langIndex, t);
    add(shared);
    add(own);
  }
}

/**
 * Calls `add(index, p)` with the probability p of each kind of text the language's domain classifier
 * knows, read from the mention's sentiment features (the first `length` of `x`); `scratch` holds at
 * least MAX_DOMAINS numbers. Training (topic-dataset.ts) calls it; the tagger computes the same in
 * one pass with the topic logits (topic-model.ts).
 */
export function domainFeatures(
  domain: LinearModel<string>,
  langIndex: number,
  x: SparseVector,
  length: number,
  scratch: Float64Array,
  add: (index: number, value: number) => void,
): void {
  domain.predictInto(x, length, scratch);
  for (let d = 0; d < domain.classes.length && d < MAX_DOMAINS; d++) add(domainFeature(langIndex, d), scratch[d]!);
}

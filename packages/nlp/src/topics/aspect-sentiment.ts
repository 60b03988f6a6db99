// Gives a tagged topic its own (aspect) sentiment, judged within the clauses that mention it ("the
// price went up but the quality is great" → price negative, quality positive): the clause's lexicon
// polarity plus the topic's own polarity cues, negation-aware, falling back to the mention's
// sentiment when the clause says nothing either way. A topic the model found without a cue word
// is judged on the whole mention.

import type { LexiconScorer } from '../sentiment/lexicon-scorer.js';
import type { Sentiment } from '../types.js';
import type { TopicCueHit } from './topic-cue-finder.js';
import { threeDecimals } from '../three-decimals.js';

/**
 * How a language's topics get their sentiment: 'clause' judges each topic within its clauses (the
 * function below); 'mention' gives every topic the mention's own sentiment, unless the mention is
 * neutral (then a topic's own cues speak: "the courier came a week late") or the clause rule reads
 * the topics as mixed ("the price went up but the quality is great"), when the clause judgments
 * stand. Measured on the labeled aspects of shared/data/topics/dev, chosen per language by nested CV
 * (ROUNDS.md, issue 10 round 7): most mentions say one thing, and the whole-mention model reads it
 * better than the clause rule's lexicon. Hebrew and Estonian have too few labeled aspects to choose.
 */
export type AspectRule = 'clause' | 'mention';
export const ASPECT_RULES: Readonly<Record<string, AspectRule>> = { en: 'mention', ru: 'mention', kk: 'mention', he: 'clause', et: 'clause' };
export const aspectRuleFor = (lang: string): AspectRule => ASPECT_RULES[lang] ?? 'clause';

/** Under the 'mention' rule: whether the mention's sentiment replaces the topics' clause judgments. */
export function mentionDecides(overall: Sentiment, clauseLabels: readonly string[]): boolean {
  const mixed = clauseLabels.includes('positive') && clauseLabels.includes('negative');
  return overall.label !== 'neutral' && !mixed;
}

const LABEL_THRESHOLD = 0.15;
const CUE_WEIGHT = 0.8;

export function aspectSentiment(p: {
  topic: number;
  tokens: readonly string[];
  clauseIds: readonly number[];
  hits: readonly TopicCueHit[];
  lexicon: LexiconScorer;
  overall: Sentiment;
}): Sentiment {
  const { topic, tokens, clauseIds, hits, lexicon, overall } = p;
  // The clauses judged, each with its words and its score so far. One pass over the tokens and one
  // over the hits: scanning every token again for each judged clause made a long mention quadratic
  // (a 100,000-character article took half a second, a million characters half a minute).
  const judged = new Map<number, { words: string[]; score: number }>();
  for (const h of hits) if (h.value.topic === topic && h.value.kind === 'term') judged.set(clauseIds[h.start] ?? 0, { words: [], score: 0 });
  const whole = judged.size === 0;
  const all = { words: whole ? [...tokens] : [], score: 0 };
  if (whole) judged.set(-1, all);
  const clauseOf = (i: number) => (whole ? all : judged.get(clauseIds[i]!));
  if (!whole) for (let i = 0; i < tokens.length; i++) judged.get(clauseIds[i]!)?.words.push(tokens[i]!);
  const clauseCount = whole ? 1 : new Set(clauseIds).size;
  for (const clause of judged.values()) clause.score = Math.tanh(lexicon.score(clause.words).score / 2);
  for (const h of hits) {
    if (h.value.topic !== topic || h.value.kind === 'term') continue;
    const clause = clauseOf(h.start);
    if (!clause) continue;
    const before = [1, 2].some((d) => {
      const w = tokens[h.start - d];
      return w !== undefined && clauseOf(h.start - d) === clause && lexicon.isNegator(w);
    });
    const after = tokens[h.end] !== undefined && lexicon.isPostNegator(tokens[h.end]!);
    clause.score += CUE_WEIGHT * (h.value.kind === 'positive' ? 1 : -1) * (before || after ? -1 : 1);
  }
  let score = 0;
  for (const clause of judged.values()) score += clause.score === 0 ? (clauseCount === 1 ? overall.score : overall.score * 0.5) : clause.score;
  score = Math.max(-1, Math.min(1, score / judged.size));
  const label = score > LABEL_THRESHOLD ? 'positive' : score < -LABEL_THRESHOLD ? 'negative' : 'neutral';
  return { label, score: threeDecimals(score) };
}

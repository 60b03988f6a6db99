// Finds a language's topic cue words (topic-cues.ts) in a mention's folded tokens: "term" cues say a
// topic may be discussed, "positive"/"negative" cues give the aspect its own polarity. The learned
// tagger reads the term cues as features, the cue-rule topics as the decision, and aspect sentiment
// reads the polarity cues.

import { createCueMatcher, type CueHit, type CueMatcher } from './cue-matcher.js';
import type { WordOfMouth } from '../types.js';
import { TOPIC_CUES, TOPIC_IDS, type TopicId } from './topic-cues.js';

export interface CueValue {
  topic: number;
  kind: 'term' | 'positive' | 'negative';
}
export type TopicCueHit = CueHit<CueValue>;

export interface TopicCueFinder {
  find(tokens: readonly string[]): TopicCueHit[];
}

export function createTopicCueFinder(lang: string): TopicCueFinder {
  const lexicon = TOPIC_CUES[lang] ?? TOPIC_CUES.en!;
  const cues: { cue: string; value: CueValue }[] = [];
  TOPIC_IDS.forEach((id: TopicId, topic) => {
    const c = lexicon[id];
    for (const t of c.terms) cues.push({ cue: t, value: { topic, kind: 'term' } });
    for (const t of c.positive ?? []) cues.push({ cue: t, value: { topic, kind: 'positive' } });
    for (const t of c.negative ?? []) cues.push({ cue: t, value: { topic, kind: 'negative' } });
  });
  const matcher: CueMatcher<CueValue> = createCueMatcher({ cues, hebrewPrefixes: lang === 'he' });
  return { find: (tokens) => matcher.find(tokens) };
}

const TRUST = TOPIC_IDS.indexOf('trust');

/**
 * Bit t set when a term cue of topic t occurs. A mention that warns others off or recommends to them
 * (signals/: "don't buy", "highly recommend") sets trust's bit too: the topic guidelines count
 * recommending or warning others as trust (ROUNDS.md, issue 10 round 16).
 */
export function topicCueMask(hits: readonly TopicCueHit[], signals: WordOfMouth): number {
  let mask = signals.warning || signals.recommendation ? 1 << TRUST : 0;
  for (const h of hits) if (h.value.kind === 'term') mask |= 1 << h.value.topic;
  return mask;
}

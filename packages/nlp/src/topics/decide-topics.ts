// The one place a topic decision is made from the model's logits and the cue words, used by the
// analyzer's tagger and by cross-validation alike. Each language has its own rule per topic: a topic the model learned is on when its logit
// reaches the topic's threshold; a topic left to cue rules is on when one of its cue words occurs;
// a topic no rule could tag reliably in cross-validation is off. Where the model's gate is on
// (topic-model.ts GATE_ID), a text it rejects gets no topic but those of its language's `ungated` mask
// (cue rules of topics too thin to learn there: train-topic-model.ts ungatedPositives).
// A mention that reads as a feed item rather than a customer's text (feed-items.ts) is rejected so too.

import type { TopicModel } from './topic-model.js';

/**
 * The feed-item probability (feed-items.ts) from which the gate rejects a mention: the lowest at which
 * no source of the classifier's customer texts has more than 1% of them read as feed items
 * out-of-fold (scripts/feed-item-bar.ts; at 0.65, 7% of the movie review sentences were). 0.75 for
 * round 13's classifier of 10,000 buckets, 0.85 for round 14's of 40,000.
 */
export const FEED_ITEM_BAR = 0.85;

/** Bit t set when topic t is tagged. `feedItem`: the probability that the mention is a feed item, not a customer's text. */
export function decideTopics(model: TopicModel, langIndex: number, logits: Float64Array, cueMask: number, feedItem = 0): number {
  const modes = model.modes[langIndex] ?? model.modes[0]!;
  const cutoffs = model.cutoffs[langIndex] ?? model.cutoffs[0]!;
  const g = model.gate;
  const ungated = model.ungated[langIndex] ?? 0;
  const gateMode = g >= 0 ? modes[g] : 'off';
  const open = feedItem < FEED_ITEM_BAR && (gateMode === 'model' ? logits[g]! >= cutoffs[g]! : gateMode === 'cues' ? cueMask !== 0 : true);
  let mask = 0;
  for (let t = 0; t < model.topics.length; t++) {
    if (t === g || (!open && ((ungated >> t) & 1) === 0)) continue;
    const mode = modes[t];
    const on = mode === 'cues' ? (cueMask & (1 << t)) !== 0 : mode === 'model' && logits[t]! >= cutoffs[t]!;
    if (on) mask |= 1 << t;
  }
  return mask;
}

// The one place a topic decision is made from the model's logits and the cue words, used by the
// analyzer's tagger and by cross-validation alike. Each language has its own rule per topic: a topic the model learned is on when its logit
// reaches the topic's threshold; a topic left to cue rules is on when one of its cue words occurs;
// a topic no rule could tag reliably in cross-validation is off. Where the model's gate is on
// (topic-model.ts GATE_ID), a text it rejects gets no topic but those too thin to learn (their cue rules).

import type { TopicModel } from './topic-model.js';

/** Bit t set when topic t is tagged. */
export function decideTopics(model: TopicModel, langIndex: number, logits: Float64Array, cueMask: number): number {
  const modes = model.modes[langIndex] ?? model.modes[0]!;
  const cutoffs = model.cutoffs[langIndex] ?? model.cutoffs[0]!;
  const g = model.gate;
  const gateMode = g >= 0 ? modes[g] : 'off';
  const open = gateMode === 'model' ? logits[g]! >= cutoffs[g]! : gateMode === 'cues' ? cueMask !== 0 : true;
  let mask = 0;
  for (let t = 0; t < model.topics.length; t++) {
    if (t === g || (!open && ((model.ungated >> t) & 1) === 0)) continue;
    const mode = modes[t];
    const on = mode === 'cues' ? (cueMask & (1 << t)) !== 0 : mode === 'model' && logits[t]! >= cutoffs[t]!;
    if (on) mask |= 1 << t;
  }
  return mask;
}

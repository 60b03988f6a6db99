// Tags the customer-expectation topics a mention talks about and gives each its own sentiment,
// judged within the clause that mentions it ("the price went up but the quality is great" →
// price negative, quality positive): clause lexicon polarity plus the topic's own polarity cues,
// falling back to the whole mention's sentiment when the clause says nothing either way.

import type { Sentiment, TopicMention } from '../types.js';
import type { LexiconScorer } from '../sentiment/lexicon-scorer.js';
import { createCueMatcher, type CueMatcher } from './cue-matcher.js';
import { TOPIC_IDS, type TopicLexicon } from './topic-cues.js';

export interface TopicTagger {
  tag(foldedTokens: readonly string[], clauseIds: readonly number[], overall: Sentiment): TopicMention[];
}

interface CueValue { topic: string; kind: 'term' | 'positive' | 'negative' }

const LABEL_THRESHOLD = 0.15;

export function createTopicTagger(options: { cues: TopicLexicon; lexicon: LexiconScorer; hebrewPrefixes?: boolean }): TopicTagger {
  const cues: { cue: string; value: CueValue }[] = [];
  for (const topic of TOPIC_IDS) {
    const c = options.cues[topic];
    for (const t of c.terms) cues.push({ cue: t, value: { topic, kind: 'term' } });
    for (const t of c.positive ?? []) cues.push({ cue: t, value: { topic, kind: 'positive' } });
    for (const t of c.negative ?? []) cues.push({ cue: t, value: { topic, kind: 'negative' } });
  }
  const matcher: CueMatcher<CueValue> = createCueMatcher({ cues, hebrewPrefixes: options.hebrewPrefixes ?? false });
  const { lexicon } = options;

  return {
    tag(tokens, clauseIds, overall) {
      const hits = matcher.find(tokens);
      const mentioned = new Map<string, Set<number>>();
      for (const h of hits) {
        if (h.value.kind !== 'term') continue;
        const clause = clauseIds[h.start] ?? 0;
        if (!mentioned.has(h.value.topic)) mentioned.set(h.value.topic, new Set());
        mentioned.get(h.value.topic)!.add(clause);
      }
      if (mentioned.size === 0) return [];
      const clauseCount = new Set(clauseIds).size;
      const out: TopicMention[] = [];
      for (const [topic, clauses] of mentioned) {
        let score = 0;
        for (const clause of clauses) {
          const idx = clauseIds.flatMap((c, i) => (c === clause ? [i] : []));
          const words = idx.map((i) => tokens[i]!);
          let s = Math.tanh(lexicon.score(words).score / 2);
          for (const h of hits) {
            if (h.value.topic !== topic || h.value.kind === 'term' || clauseIds[h.start] !== clause) continue;
            const before = [1, 2].some((d) => { const w = tokens[h.start - d]; return w !== undefined && clauseIds[h.start - d] === clause && lexicon.isNegator(w); });
            const after = tokens[h.end] !== undefined && lexicon.isPostNegator(tokens[h.end]!);
            const negated = before || after;
            const sign = (h.value.kind === 'positive' ? 1 : -1) * (negated ? -1 : 1);
            s += 0.8 * sign;
          }
          if (s === 0) s = clauseCount === 1 ? overall.score : overall.score * 0.5;
          score += s;
        }
        score = Math.max(-1, Math.min(1, score / clauses.size));
        const label = score > LABEL_THRESHOLD ? 'positive' : score < -LABEL_THRESHOLD ? 'negative' : 'neutral';
        out.push({ topic, sentiment: { label, score: Math.round(score * 1000) / 1000 } });
      }
      return out.sort((a, b) => TOPIC_IDS.indexOf(a.topic as (typeof TOPIC_IDS)[number]) - TOPIC_IDS.indexOf(b.topic as (typeof TOPIC_IDS)[number]));
    },
  };
}

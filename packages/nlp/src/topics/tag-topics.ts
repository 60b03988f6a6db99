// Tags the customer-expectation topics a mention talks about, each with its own (aspect)
// sentiment. With the learned model (models/topics.json) a topic is tagged by its logistic
// regression over the sentiment features and cue words, or by its cue rule where the data was too
// thin (decide-topics.ts); without one, every topic falls back to its cue rule. A mention that reads
// as a news, blog or forum feed item (feed-items.ts) keeps only the cue-rule topics the gate never withholds.
// A long mention is tagged piece by piece (mention-pieces.ts); each topic's sentiment is still read in the whole mention.

import type { FeatureBuffer } from '../sentiment/feature-buffer.js';
import type { LexiconScorer } from '../sentiment/lexicon-scorer.js';
import type { PreparedText } from '../text/prepare-text.js';
import type { Sentiment, TopicMention, WordOfMouth } from '../types.js';
import { aspectRuleFor, aspectSentiment, mentionDecides } from './aspect-sentiment.js';
import { decideTopics } from './decide-topics.js';
import { createTopicCueFinder, topicCueMask } from './topic-cue-finder.js';
import { TOPIC_IDS } from './topic-cues.js';
import { inPieces, mentionPieces } from './mention-pieces.js';
import { prepareText } from '../text/prepare-text.js';
import { languageIndex } from './topic-features.js';
import type { TopicModel } from './topic-model.js';

export interface TopicTagger {
  /**
   * `features`: the mention's sentiment features (the model reads them); absent → cue rules.
   * `signals`: its word of mouth (a warning or recommendation is a trust cue: topic-cue-finder.ts).
   * `feedItem`: its feed-item probability, if the caller already asks for it (else the model is asked).
   */
  tag(text: PreparedText, features: FeatureBuffer | undefined, overall: Sentiment, signals: WordOfMouth, feedItem?: () => number): TopicMention[];
}

export function createTopicTagger(options: {
  lang: string;
  lexicon: LexiconScorer;
  model?: TopicModel | undefined;
  /** The features of a long mention's pieces, computed as the mention's were (into the same buffer); without it a mention is judged whole. */
  featuresOf?: ((text: PreparedText) => FeatureBuffer) | undefined;
}): TopicTagger {
  const finder = createTopicCueFinder(options.lang);
  const { lexicon, model, featuresOf } = options;
  const langIndex = languageIndex(options.lang);
  const byMention = aspectRuleFor(options.lang) === 'mention';
  // Scratch space owned by this tagger (analyze() is synchronous).
  const logits = new Float64Array(model ? model.topics.length : TOPIC_IDS.length);
  return {
    tag(text, features, overall, signals, feedItem) {
      const hits = finder.find(text.words);
      let mask = topicCueMask(hits, signals);
      if (model && features) {
        const feedItemOf = feedItem ?? (() => model.feedItemProbability(langIndex, features, features.length));
        const pieces = featuresOf ? mentionPieces(text.text, options.lang) : undefined;
        // Whether the mention is a feed item is the whole mention's, asked before any piece's features replace its own.
        const probability = pieces ? feedItemOf() : 0;
        if (pieces && featuresOf && inPieces(probability)) {
          mask = 0;
          for (const piece of pieces) {
            const prepared = prepareText(piece);
            mask |= decide(model, featuresOf(prepared), topicCueMask(finder.find(prepared.words), signals), () => probability);
          }
        } else mask = decide(model, features, mask, feedItemOf);
      }
      if (mask === 0) return [];
      const out: TopicMention[] = [];
      for (let t = 0; t < TOPIC_IDS.length; t++) {
        if (((mask >> t) & 1) === 0) continue;
        out.push({ topic: TOPIC_IDS[t]!, sentiment: aspectSentiment({ topic: t, tokens: text.words, clauseIds: text.clauses, hits, lexicon, overall }) });
      }
      if (
        byMention &&
        mentionDecides(
          overall,
          out.map((t) => t.sentiment.label),
        )
      )
        for (const topic of out) topic.sentiment = { label: overall.label, score: overall.score };
      return out;
    },
  };

  /** The topics of one text (a mention, or a piece of one) by the model's rules. */
  function decide(model: TopicModel, features: FeatureBuffer, cueMask: number, feedItem: () => number): number {
    model.languageLogitsInto(langIndex, features, features.length, cueMask, logits);
    const mask = decideTopics(model, langIndex, logits, cueMask);
    // Whether the mention is a feed item matters only where the gate would withhold something.
    return (mask & ~(model.ungated[langIndex] ?? 0)) !== 0 ? decideTopics(model, langIndex, logits, cueMask, feedItem()) : mask;
  }
}

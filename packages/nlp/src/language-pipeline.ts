// Everything one language needs, built once per analyzer: its sentiment scorer (trained model or
// lexicon), topic tagger (reading the sentiment features, computed once) and lexicon. The analyzer picks a pipeline per mention by language.
// A mention the topic model's feed-item classifier reads as a news or blog feed item is neutral unless
// its sentiment is sure (sentiment/feed-item-neutral.ts); one that warns or recommends takes that side
// (signals/word-of-mouth-sentiment.ts).

import type { Sentiment, TopicMention, WordOfMouth } from './types.js';
import { withWordOfMouth } from './signals/word-of-mouth-sentiment.js';
import type { PreparedText } from './text/prepare-text.js';
import { createLanguageFeatures, LANGUAGE_SETTINGS, type LanguageSettings } from './sentiment/language-features.js';
import { questionCuesFor } from './sentiment/question-cues.js';
import { announcementCuesFor } from './sentiment/announcement-cues.js';
import { createLexiconScorer } from './sentiment/lexicon-scorer.js';
import { LEXICONS } from './sentiment/lexicons.js';
import { loadLinearModel, type LinearModelFile } from './sentiment/linear-model.js';
import { readModelFile } from './sentiment/load-model-file.js';
import { modelExtractor } from './sentiment/prior-model.js';
import { createLexiconOnlyScorer, createModelScorer, type SentimentScorer } from './sentiment/sentiment-scorer.js';
import type { WinkSentiment } from './sentiment/wink-sentiment.js';
import { feedItemNeutral } from './sentiment/feed-item-neutral.js';
import { createTopicTagger } from './topics/tag-topics.js';
import { languageIndex } from './topics/topic-features.js';
import type { TopicModel } from './topics/topic-model.js';

export interface LanguagePipeline {
  lang: string;
  hasModel: boolean;
  /** `signals`: the mention's word of mouth, which acts on its sentiment and is a trust cue for its topics. */
  run(text: PreparedText, signals: WordOfMouth): { sentiment: Sentiment; topics: TopicMention[] };
}

export function createLanguagePipeline(options: {
  lang: string;
  modelsDir: string;
  model?: LinearModelFile | undefined;
  settings?: LanguageSettings | undefined;
  wink?: WinkSentiment;
  topicModel?: TopicModel | undefined;
  /** Whether a mention read as a feed item is neutral unless sure (default true). */
  feedItemNeutral?: boolean;
  /** Whether a long mention's topics are judged in pieces (topics/mention-pieces.ts; default true). */
  topicPieces?: boolean;
}): LanguagePipeline {
  const { lang } = options;
  const lexicon = createLexiconScorer({ lexicon: LEXICONS[lang] ?? LEXICONS.en! });
  const file = options.model ?? readModelFile(options.modelsDir, lang);
  let scorer: SentimentScorer;
  if (file) {
    const { extractor: own } = createLanguageFeatures({
      lang,
      lexicon,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.wink ? { wink: options.wink } : {}),
    });
    const extractor = modelExtractor(file, own);
    const neutral = (options.settings ?? LANGUAGE_SETTINGS[lang])?.neutral;
    const announcement = neutral?.announcementBand || neutral?.offers ? announcementCuesFor(lang) : undefined;
    const question = neutral?.questions ? questionCuesFor(lang) : undefined;
    scorer = createModelScorer({ model: loadLinearModel(file), extractor, ...(neutral ? { neutral } : {}), announcement, question });
  } else {
    const wink = options.wink;
    scorer = createLexiconOnlyScorer({ lexicon, ...(lang === 'en' && wink ? { extra: (t: string) => wink.score(t) } : {}) });
  }
  const tagger = createTopicTagger({ lang, lexicon, model: options.topicModel, featuresOf: options.topicPieces === false ? undefined : scorer.extract });
  const topicModel = options.topicModel;
  const langIndex = languageIndex(lang);
  const neutralFeedItems = options.feedItemNeutral ?? true;
  return {
    lang,
    hasModel: file !== undefined,
    run(text, signals) {
      let scored = scorer.score(text);
      // Whether the mention is a feed item (a pass of its own) is asked once, by whichever needs it first.
      const features = scorer.features;
      let probability: number | undefined;
      const feedItem = topicModel && features ? () => (probability ??= topicModel.feedItemProbability(langIndex, features, features.length)) : undefined;
      if (feedItem && neutralFeedItems) scored = feedItemNeutral(scored, feedItem);
      const sentiment = withWordOfMouth(scored, signals);
      const topics = tagger.tag(text, features, sentiment, signals, feedItem);
      return { sentiment, topics };
    },
  };
}

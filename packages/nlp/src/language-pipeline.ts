// Everything one language needs, built once per analyzer: its sentiment scorer (trained model or
// lexicon), topic tagger (reading the sentiment features, computed once) and lexicon. The analyzer picks a pipeline per mention by language.

import type { Sentiment, TopicMention } from './types.js';
import type { PreparedText } from './text/prepare-text.js';
import { createLanguageFeatures, LANGUAGE_SETTINGS, type LanguageSettings } from './sentiment/language-features.js';
import { questionCuesFor } from './sentiment/question-cues.js';
import { announcementCuesFor } from './sentiment/announcement-cues.js';
import { createLexiconScorer } from './sentiment/lexicon-scorer.js';
import { LEXICONS } from './sentiment/lexicons.js';
import { loadLinearModel, type LinearModelFile } from './sentiment/linear-model.js';
import { readModelFile } from './sentiment/load-model-file.js';
import { createLexiconOnlyScorer, createModelScorer, type SentimentScorer } from './sentiment/sentiment-scorer.js';
import type { WinkSentiment } from './sentiment/wink-sentiment.js';
import { createTopicTagger } from './topics/tag-topics.js';
import type { TopicModel } from './topics/topic-model.js';

export interface LanguagePipeline {
  lang: string;
  hasModel: boolean;
  /** `adjust`: what the caller decides about the sentiment (word of mouth), before topics take it as the mention's. */
  run(text: PreparedText, adjust?: (sentiment: Sentiment) => Sentiment): { sentiment: Sentiment; topics: TopicMention[] };
}

export function createLanguagePipeline(options: {
  lang: string;
  modelsDir: string;
  model?: LinearModelFile | undefined;
  settings?: LanguageSettings | undefined;
  wink?: WinkSentiment;
  topicModel?: TopicModel | undefined;
}): LanguagePipeline {
  const { lang } = options;
  const lexicon = createLexiconScorer({ lexicon: LEXICONS[lang] ?? LEXICONS.en! });
  const file = options.model ?? readModelFile(options.modelsDir, lang);
  let scorer: SentimentScorer;
  if (file) {
    const { extractor } = createLanguageFeatures({
      lang,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.wink ? { wink: options.wink } : {}),
    });
    const neutral = (options.settings ?? LANGUAGE_SETTINGS[lang])?.neutral;
    const announcement = neutral?.announcementBand ? announcementCuesFor(lang) : undefined;
    const question = neutral?.questions ? questionCuesFor(lang) : undefined;
    scorer = createModelScorer({ model: loadLinearModel(file), extractor, ...(neutral ? { neutral } : {}), announcement, question });
  } else {
    const wink = options.wink;
    scorer = createLexiconOnlyScorer({ lexicon, ...(lang === 'en' && wink ? { extra: (t: string) => wink.score(t) } : {}) });
  }
  const tagger = createTopicTagger({ lang, lexicon, model: options.topicModel });
  return {
    lang,
    hasModel: file !== undefined,
    run(text, adjust) {
      const scored = scorer.score(text);
      const sentiment = adjust ? adjust(scored) : scored;
      const topics = tagger.tag(text, scorer.features, sentiment);
      return { sentiment, topics };
    },
  };
}

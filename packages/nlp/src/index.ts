// The public face of @earshot/nlp: what the enricher, the collector and the CLI may use.
export type { Analysis, AnalyzeInput, Analyzer, AnalyzeOptions, DetectedLanguage, Sentiment, SentimentLabel, TopicMention, WordOfMouth } from './types.js';
export { SUPPORTED_LANGUAGES } from './types.js';
export { ANALYZE_BATCH_CHUNK, createAnalyzer, MAX_ANALYZED_CHARS, type CreateAnalyzerOptions } from './analyzer.js';
export { detectLanguage, type DetectOptions } from './lang/detect-language.js';
export * from './query/index.js';
export { TOPIC_IDS } from './topics/topic-cues.js';
export { TOPIC_NAMES, topicName } from './topics/topic-names.js';
export {
  runAnalyze,
  runEval,
  runEvalFile,
  runTopicEval,
  type RunAnalyzeOptions,
  type RunEvalOptions,
  type EvalResult,
  type TopicEvalResult,
} from './cli/index.js';
export { fold, latinSkeleton } from './text/fold.js';
export { words } from './text/tokenize.js';
export { startOf } from './text/start-of.js';

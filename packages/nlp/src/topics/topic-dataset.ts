// Turns labeled topic texts (shared/data/topics/<split>/<lang>.jsonl: {"text","lang","topics","aspects"})
// into the compact arrays the topic trainer and cross-validation run over: each text's features
// computed once (the analyzer's own sentiment extractor for its language, plus topic-features.ts),
// feature buckets renumbered densely so weights fit in small typed arrays. With `pieces`, the pieces
// a long text is judged in (mention-pieces.ts) are rows of a dataset of their own, as the tagger reads them.

import { FeatureBuffer } from '../sentiment/feature-buffer.js';
import { createLanguageFeatures, type LanguageSettings } from '../sentiment/language-features.js';
import type { FeatureExtractor } from '../sentiment/extract-features.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';
import { prepareText } from '../text/prepare-text.js';
import { createWordOfMouthDetector } from '../signals/detect-word-of-mouth.js';
import type { WordOfMouth } from '../types.js';
import { mentionPieces } from './mention-pieces.js';
import { createTopicCueFinder, topicCueMask, type TopicCueFinder } from './topic-cue-finder.js';
import { TOPIC_IDS } from './topic-cues.js';
import { crossWordNgrams } from './cross-word-ngrams.js';
import { domainFeatures, languageIndex, MAX_DOMAINS, topicExtraFeatures } from './topic-features.js';
import { loadLinearModel, type LinearModelFile } from '../sentiment/linear-model.js';

export interface TopicExample {
  text: string;
  lang: string;
  topics: string[];
  /** Aspect sentiment per topic (positive | negative | neutral). */
  aspects: Record<string, string>;
}

export interface TopicDataset {
  n: number;
  langs: string[];
  /** Example e's features are entries offsets[e] .. offsets[e+1]. */
  offsets: Int32Array;
  /** Dense feature id of each entry; buckets[id] is its hashed bucket. */
  ids: Int32Array;
  buckets: Int32Array;
  values: Float32Array;
  /** Bit t: gold topic t. */
  labels: Int32Array;
  /** Bit t: a term cue of topic t occurs. */
  cueMasks: Int32Array;
  /** The text-domain classifiers the features were computed with (a model trained on them ships them). */
  domains?: LinearModelFile<string>[];
  /** The feed-item classifiers (feed-items.ts) a model trained on this data ships, and each row's feed-item probability by them (0 in other languages). */
  feedItems?: LinearModelFile<string>[];
  feedItemProbability?: Float32Array;
  /**
   * The pieces of the long texts (mention-pieces.ts), each with its text's word of mouth, as rows of
   * their own: `of[e]` are text e's rows in `data` (none: judged whole). Never trained on; a text's
   * topics are its pieces' (train-topic-model.ts predictTopicMasks, unless it is likely a feed item:
   * mention-pieces.ts inPieces), gated by the text's feed-item probability.
   */
  pieces?: { data: TopicDataset; of: (readonly number[])[] };
}

export function topicMask(topics: readonly string[]): number {
  let mask = 0;
  for (const t of topics) {
    const i = (TOPIC_IDS as readonly string[]).indexOf(t);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

export interface TopicDatasetOptions {
  wink?: WinkSentiment;
  crossWord?: number;
  settings?: Record<string, LanguageSettings>;
  /** Text-domain classifiers (text-domains.ts trainTextDomains) whose probabilities become features. */
  domains?: LinearModelFile<string>[];
  /** Feed-item classifiers (feed-items.ts): not features; each row's probability is kept for the decision. */
  feedItems?: LinearModelFile<string>[];
  /**
   * Also the pieces long texts are judged in (TopicDataset.pieces): of every long text, or of those
   * whose index the function accepts (the rows cross-validation scores: pieces are never trained on).
   */
  pieces?: boolean | ((example: number) => boolean);
  /** Each example's word of mouth, where it is a piece of a mention (the mention's, as the tagger reads it); else detected in its text. */
  signals?: readonly WordOfMouth[];
}

export function buildTopicDataset(examples: readonly TopicExample[], options: TopicDatasetOptions = {}): TopicDataset {
  const perLang = new Map<string, { extractor: FeatureExtractor; finder: TopicCueFinder }>();
  const forLang = (lang: string): { extractor: FeatureExtractor; finder: TopicCueFinder } => {
    let v = perLang.get(lang);
    if (!v) {
      const settings = options.settings?.[lang];
      v = {
        extractor: createLanguageFeatures({ lang, ...(options.wink ? { wink: options.wink } : {}), ...(settings ? { settings } : {}) }).extractor,
        finder: createTopicCueFinder(lang),
      };
      perLang.set(lang, v);
    }
    return v;
  };
  const buffer = new FeatureBuffer();
  const wom = createWordOfMouthDetector();
  const domains = new Map((options.domains ?? []).map((file) => [file.lang, loadLinearModel(file)]));
  const domainScratch = new Float64Array(MAX_DOMAINS);
  const feedItems = new Map((options.feedItems ?? []).map((file) => [file.lang, loadLinearModel(file)]));
  const feedItemProbability = new Float32Array(examples.length);
  const feedScratch = new Float64Array(2);
  const idOf = new Map<number, number>();
  const buckets: number[] = [];
  const offsets = new Int32Array(examples.length + 1);
  const ids: number[] = [];
  const values: number[] = [];
  const labels = new Int32Array(examples.length);
  const cueMasks = new Int32Array(examples.length);
  const pieceSignals: WordOfMouth[] | undefined = options.pieces ? new Array<WordOfMouth>(examples.length) : undefined;
  examples.forEach((e, n) => {
    const { extractor, finder } = forLang(e.lang);
    const prepared = prepareText(e.text);
    extractor.extractInto(prepared, buffer);
    const signals = options.signals?.[n] ?? wom.detect(prepared);
    if (pieceSignals) pieceSignals[n] = signals;
    const cueMask = topicCueMask(finder.find(prepared.words), signals);
    const feedItem = feedItems.get(e.lang);
    if (feedItem) {
      feedItem.predictInto(buffer, buffer.length, feedScratch);
      feedItemProbability[n] = feedScratch[1]!;
    }
    const domain = domains.get(e.lang);
    // Read before anything else is pushed: the classifier sees the sentiment features only, as at prediction (topic-model.ts).
    if (domain) domainFeatures(domain, languageIndex(e.lang), buffer, buffer.length, domainScratch, (i, v) => buffer.push(i, v));
    topicExtraFeatures(languageIndex(e.lang), cueMask, (i) => buffer.push(i, 1));
    if (options.crossWord) crossWordNgrams(prepared.words, options.crossWord, (i, v) => buffer.push(i, v));
    for (let i = 0; i < buffer.length; i++) {
      const b = buffer.indices[i]!;
      let id = idOf.get(b);
      if (id === undefined) {
        id = buckets.length;
        idOf.set(b, id);
        buckets.push(b);
      }
      ids.push(id);
      values.push(buffer.values[i]!);
    }
    offsets[n + 1] = ids.length;
    labels[n] = topicMask(e.topics);
    cueMasks[n] = cueMask;
  });
  const pieces = pieceSignals ? buildPieces(examples, pieceSignals, options) : undefined;
  return {
    ...(pieces ? { pieces } : {}),
    n: examples.length,
    langs: examples.map((e) => e.lang),
    offsets,
    ids: Int32Array.from(ids),
    buckets: Int32Array.from(buckets),
    values: Float32Array.from(values),
    labels,
    cueMasks,
    ...(options.domains?.length ? { domains: options.domains } : {}),
    ...(options.feedItems?.length ? { feedItems: options.feedItems, feedItemProbability } : {}),
  };
}

/** The rows of the long texts' pieces (mention-pieces.ts), their features computed as the texts' were. */
function buildPieces(examples: readonly TopicExample[], signals: readonly WordOfMouth[], options: TopicDatasetOptions): NonNullable<TopicDataset['pieces']> {
  const rows: TopicExample[] = [];
  const rowSignals: WordOfMouth[] = [];
  const wanted = typeof options.pieces === 'function' ? options.pieces : () => true;
  const of = examples.map((e, n) =>
    ((wanted(n) && mentionPieces(e.text, e.lang)) || []).map((text) => {
      rows.push({ text, lang: e.lang, topics: [], aspects: {} });
      rowSignals.push(signals[n]!);
      return rows.length - 1;
    }),
  );
  // Not the feed-item classifiers: a piece is gated by its mention's probability.
  const { feedItems: _feedItems, pieces: _pieces, ...rest } = options;
  return { data: buildTopicDataset(rows, { ...rest, signals: rowSignals }), of };
}

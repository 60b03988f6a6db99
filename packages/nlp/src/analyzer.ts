// The entry point the enricher uses: createAnalyzer() loads every language's models once at
// startup; analyze() is synchronous and does no I/O: the text is tokenised and folded once
// (text/prepare-text.ts), then language, sentiment, topics with aspect sentiment and word-of-mouth
// signals all read those tokens. analyzeBatch() gives the same analyses for many mentions at once,
// running each language's texts together.

import type { Analysis, AnalyzeInput, AnalyzeOptions, Analyzer, DetectedLanguage } from './types.js';
import { SUPPORTED_LANGUAGES, isSupportedLanguage } from './types.js';
import { CLEAR_CONFIDENCE, detectPreparedLanguage, writtenIn } from './lang/detect-language.js';
import { languageOfTag } from './lang/language-tag.js';
import { createLanguagePipeline, type LanguagePipeline } from './language-pipeline.js';
import { assertModelsDir, defaultModelsDir, readCyrillicClassifierFile, readTopicModelFile } from './sentiment/load-model-file.js';
import { loadCyrillicClassifier, type CyrillicLanguage } from './lang/cyrillic-classifier.js';
import type { LanguageSettings } from './sentiment/language-features.js';
import type { LinearModelFile } from './sentiment/linear-model.js';
import { loadTopicModel, type TopicModelFile } from './topics/topic-model.js';
import { createWinkSentiment } from './sentiment/wink-sentiment.js';
import { createWordOfMouthDetector } from './signals/detect-word-of-mouth.js';
import { prepareText, type PreparedText } from './text/prepare-text.js';
import { threeDecimals } from './three-decimals.js';
import { startOf } from './text/start-of.js';

export interface CreateAnalyzerOptions {
  /** Languages to load (default: en, ru, kk, he, et). Detection also considers only these. */
  languages?: string[];
  /** Where the trained models live (default: packages/nlp/models). */
  modelsDir?: string;
  /** Models given in memory instead of read from modelsDir (cross-validation uses this). */
  models?: Record<string, LinearModelFile>;
  /** Feature settings per language, overriding LANGUAGE_SETTINGS (for models trained with them). */
  settings?: Record<string, LanguageSettings>;
  /** The learned topic model instead of modelsDir/topics.json; null: cue rules only. */
  topicModel?: TopicModelFile | null;
  /** The Russian-or-Kazakh classifier instead of modelsDir/cyrillic.json; null: the cue words alone decide. */
  cyrillic?: LinearModelFile<CyrillicLanguage> | null;
  /** false: feed items keep the side the model gave them (sentiment/feed-item-neutral.ts; measurement only). */
  feedItemNeutral?: boolean;
  /** false: a long mention's topics judged whole, not in pieces (topics/mention-pieces.ts; measurement only). */
  topicPieces?: boolean;
}

/**
 * Detection confidence from which a language the analyzer has no models for (German, Spanish …) is
 * answered as itself, with no sentiment or topics, instead of being read by the nearest language's
 * models (DESIGN: others are reported as detected). ROUNDS.md, issue 10 round 11.
 */
const OTHER_LANGUAGE_CONFIDENCE = 0.7;
/** The Russian-or-Kazakh classifier's probability (3 : 1) from which it overrules a hint of the other language. */
const CLASSIFIER_OVER_HINT = 0.75;
/** The classifier learned Cyrillic texts: Kazakh typed in Latin letters stays with the cue words. */
const CYRILLIC = /[\u0400-\u04ff]/;
/**
 * analyzeBatch's inputs prepared at a time. Each language's turn in a chunk reloads its models into the
 * cache, so larger chunks are faster: 0.83, 0.90 and 0.95 of the speed of texts in language order at
 * 500, 1,000 and 2,000 mixed texts (ROUNDS.md round 43). The enricher takes batches of this size
 * (services/enricher ENRICHER_MAX_BATCH), so that a batch is one chunk.
 */
export const ANALYZE_BATCH_CHUNK = 2000;
/**
 * A mention is judged by its first this many characters. A feed item can carry a whole book (the
 * collector reads feeds up to 10 MB) and the analysis takes ~0.3–0.8 ms per 1,000 characters
 * (`npm run bench -- nlp-long`; a long English, Russian or Kazakh mention is read a second time, in
 * pieces, for its topics: topics/mention-pieces.ts), so this bounds what one mention costs its
 * partition at ~80 ms. The longest labeled text in shared/data is 600 characters.
 */
export const MAX_ANALYZED_CHARS = 100_000;

export function createAnalyzer(options: CreateAnalyzerOptions = {}): Analyzer {
  const languages = (options.languages ?? [...SUPPORTED_LANGUAGES]).filter(isSupportedLanguage);
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  if (options.topicModel === undefined || options.cyrillic === undefined || languages.some((lang) => !options.models?.[lang])) assertModelsDir(modelsDir);
  const wink = languages.includes('en') ? createWinkSentiment() : undefined;
  const topicFile = options.topicModel === null ? undefined : (options.topicModel ?? readTopicModelFile(modelsDir));
  const topicModel = topicFile ? loadTopicModel(topicFile) : undefined;
  const pipelines = new Map<string, LanguagePipeline>();
  for (const lang of languages)
    pipelines.set(
      lang,
      createLanguagePipeline({
        lang,
        modelsDir,
        model: options.models?.[lang],
        settings: options.settings?.[lang],
        topicModel,
        feedItemNeutral: options.feedItemNeutral ?? true,
        topicPieces: options.topicPieces ?? true,
        ...(wink ? { wink } : {}),
      }),
    );
  const wom = createWordOfMouthDetector();
  const cyrillicFile = options.cyrillic === null ? undefined : (options.cyrillic ?? readCyrillicClassifierFile(modelsDir));
  const cyrillic = cyrillicFile && pipelines.has('kk') && pipelines.has('ru') ? loadCyrillicClassifier(cyrillicFile) : undefined;

  const detectOptions = { candidates: languages, othersAt: OTHER_LANGUAGE_CONFIDENCE };
  /** The cue words' answer `detected`, or the Russian-or-Kazakh classifier's where they are unsure between the two. */
  const withClassifier = (detected: DetectedLanguage, text: PreparedText): DetectedLanguage =>
    cyrillic && unsureCyrillic(detected, text) ? classify(cyrillic.kazakhProbability(text)) : detected;
  /** Russian or Kazakh by the cue words, who are unsure: the classifier's question. */
  const unsureCyrillic = (detected: DetectedLanguage, text: PreparedText): boolean =>
    (detected.lang === 'ru' || detected.lang === 'kk') && detected.confidence < CLEAR_CONFIDENCE && CYRILLIC.test(text.norm);
  /** The classifier's answer, its confidence kept below the hint override's. */
  const classify = (kk: number): DetectedLanguage => ({ lang: kk >= 0.5 ? 'kk' : 'ru', confidence: threeDecimals(0.5 + 0.29 * Math.abs(2 * kk - 1)) });
  const chooseLanguage = (text: PreparedText, tag: string | undefined): DetectedLanguage => {
    // A hint wins over any unsure detection. A hint of a language without models (a German feed)
    // makes an unsure text that language, left unanalysed.
    const hint = tag === undefined ? undefined : languageOfTag(tag);
    const cueWords = detectPreparedLanguage(text, detectOptions);
    const detected = hint && pipelines.has(hint) ? cueWords : withClassifier(cueWords, text);
    // Kazakh sites often say ru, and Russian comes with kk: where the cue words are unsure, the
    // classifier decides even against the hint, which decides only where the classifier is unsure
    // too (ROUNDS.md, round 12).
    if (cyrillic && (hint === 'ru' || hint === 'kk') && unsureCyrillic(detected, text)) {
      const kk = cyrillic.kazakhProbability(text);
      if (Math.max(kk, 1 - kk) < CLASSIFIER_OVER_HINT) return { lang: hint, confidence: 0.6 };
      const classified = classify(kk);
      return classified.lang === hint ? { lang: hint, confidence: 0.9 } : classified;
    }
    if (!hint || detected.lang === hint) {
      return detected.lang === hint ? { lang: hint, confidence: Math.max(detected.confidence, 0.9) } : detected;
    }
    if (detected.lang !== 'und' && detected.confidence >= CLEAR_CONFIDENCE) return detected;
    // A hint in another writing system than the text's is wrong, not unsure: many feeds say en-US
    // whatever they carry (ROUNDS.md, round 11). Detection decides then, the classifier included.
    if (!writtenIn(text, hint)) return pipelines.has(hint) ? withClassifier(detected, text) : detected;
    return { lang: hint, confidence: 0.6 };
  };

  const analyzePrepared = (prepared: PreparedText, detected: DetectedLanguage): Analysis => {
    const pipeline = pipelines.get(detected.lang);
    const signals = wom.detect(prepared);
    if (!pipeline) {
      return { lang: detected.lang, langConfidence: detected.confidence, sentiment: { label: 'neutral', score: 0 }, topics: [], signals };
    }
    const { sentiment, topics } = pipeline.run(prepared, signals);
    return { lang: detected.lang, langConfidence: detected.confidence, sentiment, topics, signals };
  };

  return {
    analyze(text: string, analyzeOptions: AnalyzeOptions = {}): Analysis {
      const part = analyzedPart(text);
      const prepared = prepareText(part);
      return withReadChars(analyzePrepared(prepared, chooseLanguage(prepared, analyzeOptions.langHint)), part, text);
    },
    analyzeBatch(inputs: readonly AnalyzeInput[]): Analysis[] {
      const analyses = new Array<Analysis>(inputs.length);
      // Every text of a chunk is prepared and its language decided first; then each language's texts
      // run together, in their order, through that language's pipeline. Chunks bound the prepared
      // texts held at once when a caller hands over a whole file.
      for (let from = 0; from < inputs.length; from += ANALYZE_BATCH_CHUNK) {
        const chunk = inputs.slice(from, from + ANALYZE_BATCH_CHUNK);
        const parts = chunk.map((input) => analyzedPart(input.text));
        const prepared = parts.map(prepareText);
        const detected = prepared.map((text, i) => chooseLanguage(text, chunk[i]!.langHint));
        const byLanguage = new Map<string, number[]>();
        detected.forEach(({ lang }, i) => {
          const indices = byLanguage.get(lang);
          if (indices) indices.push(i);
          else byLanguage.set(lang, [i]);
        });
        for (const indices of byLanguage.values())
          for (const i of indices) analyses[from + i] = withReadChars(analyzePrepared(prepared[i]!, detected[i]!), parts[i]!, chunk[i]!.text);
      }
      return analyses;
    },
  };
}

/** The part of a mention the analysis reads: its first MAX_ANALYZED_CHARS characters, no surrogate pair cut. */
export function analyzedPart(text: string): string {
  return startOf(text, MAX_ANALYZED_CHARS);
}

/** The analysis, saying how much of the text it read where that was not all of it. */
function withReadChars(analysis: Analysis, part: string, text: string): Analysis {
  if (part.length < text.length) analysis.readChars = part.length;
  return analysis;
}

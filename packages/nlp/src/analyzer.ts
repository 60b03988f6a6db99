// The entry point the enricher uses: createAnalyzer() loads every language's models once at
// startup; analyze() is synchronous and does no I/O: language, sentiment, topics with aspect
// sentiment, and word-of-mouth signals.

import type { Analysis, AnalyzeOptions, Analyzer, DetectedLanguage } from './types.js';
import { SUPPORTED_LANGUAGES, isSupportedLanguage } from './types.js';
import { detectLanguage } from './lang/detect-language.js';
import { createLanguagePipeline, type LanguagePipeline } from './language-pipeline.js';
import { defaultModelsDir } from './sentiment/load-model-file.js';
import { createWinkSentiment } from './sentiment/wink-sentiment.js';
import { createWordOfMouthDetector } from './signals/detect-word-of-mouth.js';

export interface CreateAnalyzerOptions {
  /** Languages to load (default: en, ru, kk, he, et). Detection also considers only these. */
  languages?: string[];
  /** Where the trained models live (default: packages/nlp/models). */
  modelsDir?: string;
}

/** Detection confidence above which the text overrides a caller's language hint. */
const HINT_OVERRIDE_CONFIDENCE = 0.8;

export function createAnalyzer(options: CreateAnalyzerOptions = {}): Analyzer {
  const languages = (options.languages ?? [...SUPPORTED_LANGUAGES]).filter(isSupportedLanguage);
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const wink = languages.includes('en') ? createWinkSentiment() : undefined;
  const pipelines = new Map<string, LanguagePipeline>();
  for (const lang of languages) pipelines.set(lang, createLanguagePipeline({ lang, modelsDir, ...(wink ? { wink } : {}) }));
  const wom = createWordOfMouthDetector();

  const chooseLanguage = (text: string, hint: string | undefined): DetectedLanguage => {
    const detected = detectLanguage(text, { candidates: languages });
    if (!hint || !pipelines.has(hint) || detected.lang === hint) {
      return detected.lang === hint ? { lang: hint, confidence: Math.max(detected.confidence, 0.9) } : detected;
    }
    if (detected.lang !== 'und' && detected.confidence >= HINT_OVERRIDE_CONFIDENCE) return detected;
    return { lang: hint, confidence: 0.6 };
  };

  return {
    analyze(text: string, analyzeOptions: AnalyzeOptions = {}): Analysis {
      const detected = chooseLanguage(text, analyzeOptions.langHint);
      const pipeline = pipelines.get(detected.lang);
      const signals = wom.detect(text, detected.lang);
      if (!pipeline) {
        return { lang: detected.lang, langConfidence: detected.confidence, sentiment: { label: 'neutral', score: 0 }, topics: [], signals };
      }
      const { sentiment, topics } = pipeline.run(text);
      return { lang: detected.lang, langConfidence: detected.confidence, sentiment, topics, signals };
    },
  };
}

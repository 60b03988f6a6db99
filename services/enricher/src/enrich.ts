// The enricher's step: raw mention in, enriched mention out (language, sentiment, topics with their
// own sentiment, word-of-mouth signals). Pure apart from the analyzer, which is loaded once.
import type { Analysis, Analyzer } from '@earshot/nlp';
import { dlq, ok, type DecodedMessage, type Outcome } from '@earshot/pipeline';
import { byBrandKey, encodeMessage, TOPICS, type EnrichedMention, type RawMention } from '@earshot/schema';
import { analysisInput } from './analysis-input.js';

export function enrichMention(raw: RawMention, analyzer: Analyzer, now: Date): EnrichedMention {
  const { text, ...options } = analysisInput(raw);
  return withAnalysis(raw, analyzer.analyze(text, options), now);
}

export function enrichBatch(batch: DecodedMessage<'mention.raw'>[], analyzer: Analyzer, now: Date): Outcome[] {
  // One call for the batch: the analyzer runs each language's mentions together (faster than taking
  // them in turn). A throw there is a bug tripped by some input; the mentions are then analyzed one by
  // one so that only the input that trips it is parked.
  let analyses: Analysis[] | undefined;
  try {
    analyses = analyzer.analyzeBatch(batch.map(({ message }) => analysisInput(message.payload)));
  } catch {
    // analyses stays undefined: one by one below.
  }
  return batch.map(({ message }, i) => {
    try {
      const analysis = analyses?.[i];
      const enriched = analysis ? withAnalysis(message.payload, analysis, now) : enrichMention(message.payload, analyzer, now);
      const value = encodeMessage('mention.enriched', enriched, now);
      // Keyed by id for the indexer and the API (spread wide), and by brand for the alerter (one
      // evaluator per brand); both are published before the raw mention is committed.
      return ok([
        { topic: TOPICS.enriched, key: enriched.id, value },
        { topic: TOPICS.byBrand, key: byBrandKey(enriched.brandId), value },
      ]);
    } catch (err) {
      // The analyzer is pure code: a throw here is a bug tripped by this input, so park the input.
      return dlq(`analysis failed: ${(err as Error).message}`);
    }
  });
}

function withAnalysis(raw: RawMention, analysis: Analysis, now: Date): EnrichedMention {
  return {
    ...raw,
    nlp: {
      lang: analysis.lang,
      langConfidence: analysis.langConfidence,
      sentiment: analysis.sentiment,
      topics: analysis.topics,
      signals: analysis.signals,
      ...(analysis.readChars !== undefined ? { readChars: analysis.readChars } : {}),
      enrichedAt: now.toISOString(),
    },
  };
}

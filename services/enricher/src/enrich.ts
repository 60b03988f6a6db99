// The enricher's step: raw mention in, enriched mention out (language, sentiment, topics with their
// own sentiment, word-of-mouth signals). Pure apart from the analyzer, which is loaded once.
import type { Analyzer } from '@earshot/nlp';
import { dlq, ok, type DecodedMessage, type Outcome } from '@earshot/pipeline';
import { byBrandKey, encodeMessage, TOPICS, type EnrichedMention, type RawMention } from '@earshot/schema';

export function enrichMention(raw: RawMention, analyzer: Analyzer, now: Date): EnrichedMention {
  const text = raw.title && !raw.text.startsWith(raw.title) ? `${raw.title}\n${raw.text}` : raw.text;
  const analysis = analyzer.analyze(text, raw.langHint ? { langHint: raw.langHint } : undefined);
  return {
    ...raw,
    nlp: {
      lang: analysis.lang,
      langConfidence: analysis.langConfidence,
      sentiment: analysis.sentiment,
      topics: analysis.topics,
      signals: analysis.signals,
      enrichedAt: now.toISOString(),
    },
  };
}

export function enrichBatch(batch: DecodedMessage<'mention.raw'>[], analyzer: Analyzer, now: Date): Outcome[] {
  return batch.map(({ message }) => {
    try {
      const enriched = enrichMention(message.payload, analyzer, now);
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

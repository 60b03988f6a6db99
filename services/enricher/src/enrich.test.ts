// enrichBatch's contract with the stage runner: one outcome per raw mention, in order, each mention
// analyzed as enrichMention analyzes it alone, although the batch is analyzed in one call; and a
// mention that trips a bug in the analyzer is parked alone, its batch-mates still enriched.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, MAX_ANALYZED_CHARS, type Analyzer } from '@earshot/nlp';
import type { DecodedMessage, Outcome } from '@earshot/pipeline';
import { decodeMessage, encodeMessage, TOPICS, type EnrichedMention, type RawMention } from '@earshot/schema';
import { enrichBatch, enrichMention } from './enrich.js';

// Our own sentences, the languages interleaved as on a partition of mentions.raw.
const TEXTS: [title: string, text: string, langHint?: string][] = [
  ['Acme outage', 'Acme support was slow and rude today.'],
  ['Акме', 'Ужасный сервис Акме, деньги так и не вернули'],
  ['Acme', 'Өте жақсы, маған ұнады, жеткізу тез болды'],
  ['', 'המוצר של אקמה הגיע שבור', 'he'],
  ['Acme', 'Väga hea ja kiire teenindus, aitäh'],
  ['Acme news', 'Acme opens a new store in the city centre on Monday.', 'en'],
];

const NOW = new Date('2026-11-20T10:00:05.000Z');

function decoded(raw: RawMention, offset: number): DecodedMessage<'mention.raw'> {
  const value = encodeMessage('mention.raw', raw, NOW);
  const message = decodeMessage(value, 'mention.raw');
  if (!message.ok) throw new Error(message.reason);
  return {
    message: message.message,
    source: { topic: TOPICS.raw, partition: 0, offset: String(offset), key: raw.id, value, headers: {}, timestamp: NOW.getTime() },
  };
}

const batch = TEXTS.map(([title, text, langHint], i) =>
  decoded(
    {
      id: `m${i}`,
      brandId: 'acme',
      sourceId: 's',
      sourceType: 'rss',
      url: `https://x.org/${i}`,
      title,
      text,
      ...(langHint ? { langHint } : {}),
      collectedAt: '2026-11-20T10:00:00.000Z',
    },
    i,
  ),
);

const enrichedOf = (outcome: Outcome | undefined) => {
  if (outcome?.kind !== 'ok') return outcome;
  const decodedOutput = decodeMessage(outcome.outputs[0]!.value, 'mention.enriched');
  return decodedOutput.ok ? decodedOutput.message.payload : decodedOutput.reason;
};

describe('enrichBatch', () => {
  const analyzer = createAnalyzer();

  it('enriches every mention of a mixed-language batch as enrichMention does alone, in order', () => {
    const outcomes = enrichBatch(batch, analyzer, NOW);
    expect(outcomes.map((o) => o.kind)).toEqual(batch.map(() => 'ok'));
    expect(outcomes.map(enrichedOf)).toEqual(batch.map(({ message }) => enrichMention(message.payload, analyzer, NOW)));
    expect(outcomes.map((o) => (o.kind === 'ok' ? o.outputs.map((out) => [out.topic, out.key]) : []))).toEqual(
      batch.map(({ message }) => [
        [TOPICS.enriched, message.payload.id],
        [TOPICS.byBrand, 'acme'],
      ]),
    );
    expect(new Set(outcomes.map((o) => (enrichedOf(o) as { nlp: { lang: string } }).nlp.lang))).toEqual(new Set(['en', 'ru', 'kk', 'he', 'et']));
  });

  it('parks only the mention that makes the analyzer throw, and enriches the rest', () => {
    // An analyzer with a bug one input trips (the real analyzer otherwise): the batch call fails as a whole.
    const trips = (text: string) => text.includes('שבור');
    const buggy: Analyzer = {
      analyze: (text, options) => {
        if (trips(text)) throw new RangeError('index out of range');
        return analyzer.analyze(text, options);
      },
      analyzeBatch: (inputs) => {
        if (inputs.some((input) => trips(input.text))) throw new RangeError('index out of range');
        return analyzer.analyzeBatch(inputs);
      },
    };
    const outcomes = enrichBatch(batch, buggy, NOW);
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'ok', 'dlq', 'ok', 'ok']);
    expect(outcomes[3]).toEqual({ kind: 'dlq', reason: 'analysis failed: index out of range' });
    expect(outcomes.map(enrichedOf).filter((_, i) => i !== 3)).toEqual(
      batch.filter((_, i) => i !== 3).map(({ message }) => enrichMention(message.payload, analyzer, NOW)),
    );
  });

  it('says how much of a mention longer than the analysis reads was judged, on the mention that goes on', () => {
    const long = 'Acme support never answered. '.repeat(Math.ceil(MAX_ANALYZED_CHARS / 20));
    const withLong = [...batch, decoded({ ...batch[0]!.message.payload, id: 'm-long', text: long }, batch.length)];
    const outcomes = enrichBatch(withLong, analyzer, NOW);
    const nlpOf = (i: number) => (enrichedOf(outcomes[i]) as EnrichedMention).nlp;
    expect(nlpOf(withLong.length - 1).readChars).toBe(MAX_ANALYZED_CHARS);
    expect(nlpOf(withLong.length - 1).sentiment.label).toBe('negative');
    expect(batch.map((_, i) => nlpOf(i).readChars)).toEqual(batch.map(() => undefined));
  });
});

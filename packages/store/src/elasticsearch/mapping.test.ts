import { describe, expect, it } from 'vitest';
import { sampleMention, sampleStory } from '../contract.js';
import { textClauses } from './es-query.js';
import { storyDocument } from './es-stories.js';
import { MENTION_SEARCHED_TEXT, mentionIndexFor, mentionIndexTemplate, smallIndices, STORY_SEARCHED_TEXT, toMentionDocument } from './mapping.js';

describe('Elasticsearch mapping', () => {
  it('puts a mention in the month of its own time, published else collected', () => {
    const m = sampleMention(1);
    expect(mentionIndexFor('es', { publishedAt: '2026-10-31T23:59:59.000Z', collectedAt: '2026-11-02T00:00:00.000Z' })).toBe('es-mentions-2026.10');
    expect(mentionIndexFor('es', { collectedAt: '2026-11-02T00:00:00.000Z' })).toBe('es-mentions-2026.11');
    expect(mentionIndexFor('es', m)).toBe(mentionIndexFor('es', { ...m, collectedAt: '2030-01-01T00:00:00.000Z' }));
  });

  it('maps the fields Kibana uses, with language subfields where the cluster has analyzers', () => {
    const withAnalyzers = mentionIndexTemplate('es', { languageAnalyzers: ['english', 'russian', 'estonian'] });
    expect(withAnalyzers.index_patterns).toEqual(['es-mentions-*']);
    expect(withAnalyzers.template.aliases).toEqual({ 'es-mentions': {} });
    const props = withAnalyzers.template.mappings.properties;
    for (const field of ['brandId', 'sourceId', 'sourceType', 'lang', 'sentiment', 'topics', 'author'])
      expect(props[field as keyof typeof props]).toMatchObject({ type: 'keyword' });
    expect(props['@timestamp']).toEqual({ type: 'date' });
    expect(props.text.fields).toMatchObject({
      en: { analyzer: 'english' },
      ru: { analyzer: 'russian' },
      et: { analyzer: 'estonian' },
      he: { analyzer: 'standard' },
      kk: { analyzer: 'standard' },
    });
    const without = mentionIndexTemplate('es', { languageAnalyzers: [] }).template.mappings.properties;
    expect(Object.values(without.text.fields).every((f) => f.analyzer === 'standard')).toBe(true);
  });

  it('writes each topic once, with its own sentiment, and keeps the whole mention', () => {
    const m = sampleMention(2, { sentiment: 'negative', topics: ['price', 'price', 'service'] });
    const doc = toMentionDocument(m);
    expect(doc).toMatchObject({
      '@timestamp': m.publishedAt,
      id: m.id,
      sentiment: 'negative',
      topics: ['price', 'service'],
      topicSentiment: { price: 'negative', service: 'negative' },
    });
    expect(doc.doc).toBe(m);
  });

  it('maps, writes and searches the same folded copies, for mentions and for stories', () => {
    // Every field a search for a folded word asks, wherever it sits in the query.
    const askedFields = (query: unknown): string[] =>
      Array.isArray(query)
        ? query.flatMap(askedFields)
        : query && typeof query === 'object'
          ? Object.entries(query).flatMap(([key, value]) => (key === 'fields' ? (value as string[]) : askedFields(value)))
          : [];
    const copiesIn = (mapping: unknown) => Object.keys((mapping as { properties: object }).properties).map((field) => `folded.${field}`);
    const writtenIn = (document: object) => Object.keys((document as { folded?: object }).folded ?? {}).map((field) => `folded.${field}`);

    const mentionCopies = copiesIn(mentionIndexTemplate('es', { languageAnalyzers: [] }).template.mappings.properties.folded);
    expect(mentionCopies).toEqual(['folded.title', 'folded.text', 'folded.author']);
    expect(writtenIn(toMentionDocument(sampleMention(3, { title: 'Hinnad tõusid', text: 'Kõik tõusid', author: 'Jõgi' })))).toEqual(mentionCopies);
    expect(askedFields(textClauses('tõusid', MENTION_SEARCHED_TEXT)).filter((f) => f.startsWith('folded.'))).toEqual(mentionCopies);

    const storyCopies = copiesIn(smallIndices('es')['es-stories']!.mappings.properties.folded);
    expect(storyCopies).toEqual(['folded.title', 'folded.keyTerms']);
    expect(writtenIn(storyDocument(sampleStory('st-1', { title: 'Hinnad tõusid', keyTerms: ['tõusid', 'hinnad'] })))).toEqual(storyCopies);
    expect(askedFields(textClauses('tõusid', STORY_SEARCHED_TEXT)).filter((f) => f.startsWith('folded.'))).toEqual(storyCopies);
  });

  it('writes no folded copy where folding changes nothing', () => {
    expect(toMentionDocument(sampleMention(4, { title: 'Plain', text: 'Plain words', author: 'anna' })).folded).toBeUndefined();
    expect(toMentionDocument(sampleMention(5, { title: 'Plain', text: 'Hinnad tõusid', author: 'anna' })).folded).toEqual({ text: 'Hinnad tousid' });
  });
});

import { describe, expect, it } from 'vitest';
import { filterClauses, mentionQuery, textClauses } from './es-query.js';

describe('Elasticsearch queries', () => {
  it.each([
    ['title:x OR 1=1', ['title', 'x', 'OR', '1', '1']],
    ['prices\\', ['prices']],
    ['* NEAR(a b)', ['NEAR', 'a', 'b']],
  ])('turns %j into plain words, prefixes from three characters', (text, words) => {
    const clauses = textClauses(text)!;
    expect(clauses.map((c) => c.multi_match?.query)).toEqual(words);
    expect(clauses.map((c) => c.multi_match?.type)).toEqual(words.map((w) => (w.length >= 3 ? 'bool_prefix' : 'best_fields')));
    expect(JSON.stringify(clauses)).not.toMatch(/query_string/);
  });

  it('refuses text over the caps, naming the limit', () => {
    expect(() => textClauses(Array.from({ length: 250 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(' '))).toThrow(/too many words: at most 32/);
  });

  const fields = ['title', 'text', 'author.text', 'folded.title', 'folded.text', 'folded.author'];

  it('keeps quoted phrases as phrases and finds nothing searchable in punctuation', () => {
    expect(textClauses('"не берите" цены')).toEqual([
      { multi_match: { query: 'цены', type: 'bool_prefix', operator: 'and', fields } },
      { multi_match: { query: 'не берите', type: 'phrase', fields } },
    ]);
    expect(textClauses('") (* :')).toBeUndefined();
    expect(textClauses('{"match_all":{}}')).toEqual([{ multi_match: { query: 'match all', type: 'phrase', fields } }]);
  });

  it('asks for a word with Latin diacritics folded in the fields and their folded copies, and as typed in the fields alone', () => {
    expect(textClauses('"tõusid jälle" hõbe')).toEqual([
      {
        bool: {
          should: [
            { multi_match: { query: 'hobe', type: 'bool_prefix', operator: 'and', fields } },
            { multi_match: { query: 'hõbe', type: 'bool_prefix', operator: 'and', fields: ['title', 'text', 'author.text'] } },
          ],
          minimum_should_match: 1,
        },
      },
      {
        bool: {
          should: [
            { multi_match: { query: 'tousid jalle', type: 'phrase', fields } },
            { multi_match: { query: 'tõusid jälle', type: 'phrase', fields: ['title', 'text', 'author.text'] } },
          ],
          minimum_should_match: 1,
        },
      },
    ]);
  });

  it('maps filters to keyword terms and a time range', () => {
    expect(
      filterClauses({ brandId: 'nordtel', topic: ['price', 'service'], signal: 'warning', from: '2026-11-20T10:00:00.000Z', to: 1_800_000_000_000 }),
    ).toEqual([
      { terms: { brandId: ['nordtel'] } },
      { terms: { topics: ['price', 'service'] } },
      { term: { warning: true } },
      { range: { '@timestamp': { gte: Date.parse('2026-11-20T10:00:00.000Z'), lt: 1_800_000_000_000, format: 'epoch_millis' } } },
    ]);
    expect(mentionQuery({})).toEqual({ match_all: {} });
  });
});

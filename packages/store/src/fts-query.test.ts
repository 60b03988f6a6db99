import { describe, expect, it } from 'vitest';
import { matchesTextQuery, parseTextQuery, searchText, TEXT_QUERY_LIMITS, toFts5 } from './fts-query.js';
import { TextQueryError } from './query-errors.js';

describe('search text', () => {
  it.each([
    ['nordtel prices', '"nordtel"* AND "prices"*'],
    ['a bc abc', '"a" AND "bc" AND "abc"*'], // prefixes only from three characters
    ['"не берите" цены', '"цены"* AND "не берите"'],
    ['ab" OR 1=1 --', '"ab" AND "OR" AND "1" AND "1"'],
    ['עם שירות', '"עם" AND "שירות"*'],
    // Folded, as the store writes the text (Latin diacritics, Hebrew points).
    ['שָׁלוֹם tõusid', '"שלום"* AND "tousid"*'],
    ['"בֵּית־סֵפֶר"', '"בית ספר"'], // the maqaf stays a break between words
  ])('%j becomes %j', (text, fts) => expect(toFts5(parseTextQuery(text))).toBe(fts));

  it.each([
    [Array.from({ length: 250 }, () => 'a').join(' '), /too many words: at most 32/],
    [
      `"${Array.from({ length: 20 }, () => 'word').join(' ')}" ${Array.from({ length: 13 }, () => 'more').join(' ')}`,
      /too many words: at most 32 \(phrase words included\)/,
    ],
    ['x'.repeat(65), /too long: at most 64 characters a word/],
  ])('refuses %#, naming the limit', (text, message) => {
    expect(() => parseTextQuery(text)).toThrow(TextQueryError);
    expect(() => parseTextQuery(text)).toThrow(message);
  });

  it('accepts text at the caps', () => {
    expect(parseTextQuery(Array.from({ length: TEXT_QUERY_LIMITS.maxTerms }, () => 'x'.repeat(TEXT_QUERY_LIMITS.maxTermLength)).join(' ')).terms).toHaveLength(
      32,
    );
  });

  it.each<[string, boolean]>([
    ['nordtel', true],
    ['NORD', true], // a prefix, any case
    ['no', false], // under three letters: a whole word
    ['ei', true],
    ['tousid', true],
    ['tõusid', true],
    ['jälle hinnad', true], // words anywhere, in any field
    ['"hinnad tousid"', true],
    ['"tõusid hinnad"', false],
    ['"hinnad hinnad"', false], // a phrase does not run from one field into the next
    ['kaspi', false],
  ])('matches %j against a title and a text as the stores would: %s', (text, expected) => {
    expect(matchesTextQuery(parseTextQuery(text), ['Nordtel hinnad', 'Hinnad tõusid jälle, ei vasta.', undefined])).toBe(expected);
  });

  it('keeps a letter typed as a base and a combining mark in one word, and words with their marks', () => {
    expect(parseTextQuery('to\u0303usid').terms).toEqual(['tõusid']);
    expect(parseTextQuery('שָׁלוֹם हिन्दी').terms).toEqual(['שָׁלוֹם', 'हिन्दी']);
  });

  it('splits a link glued to the word before it, in stored text and in a live stream alike', () => {
    expect(searchText('Ипотека в Сбербанкhttp://t.co/abc')).toBe('Ипотека в Сбербанк http://t.co/abc');
    expect(searchText('see Nordtel.HTTPS://x.io and nordtelwww.example.com')).toBe('see Nordtel.HTTPS://x.io and nordtel www.example.com');
    expect(searchText('Tõusid https://x.io')).toBe('Tousid https://x.io'); // a link after a space stays as it is
    expect(searchText('a www-less word: wwwater')).toBe('a www-less word: wwwater');
    expect(matchesTextQuery(parseTextQuery('сбербанк'), ['', 'Ипотека в Сбербанкhttp://t.co/abc'])).toBe(true);
  });

  // "Кaспи" has a Latin a, "Kаspi" a Cyrillic а: the brand queries Каспи and Kaspi collect both (@earshot/nlp fold).
  it('reads a word typed in two scripts in one, in stored text, in a query and in a live stream alike', () => {
    expect(searchText('Кaспи и Kаspi, бiрак сбербанкonline')).toBe('каспи и kaspi, бирак сбербанкonline');
    expect(toFts5(parseTextQuery('Кaспи'))).toBe('"каспи"*');
    expect(matchesTextQuery(parseTextQuery('Каспи'), ['', 'Кaспи снова не работает'])).toBe(true);
    expect(matchesTextQuery(parseTextQuery('Кaспи'), ['', 'Каспи снова не работает'])).toBe(true);
    expect(matchesTextQuery(parseTextQuery('kaspi'), ['Kаspi Bank', ''])).toBe(true);
  });

  it('reads Kazakh letters and ё as the Russian letters typed for them, in stored text, in a query and in a live stream alike', () => {
    expect(searchText('Қазпошта: всё пришло, йогурт')).toBe('Казпошта: все пришло, йогурт'); // й is not и
    expect(toFts5(parseTextQuery('Қазпошта всё'))).toBe('"Казпошта"* AND "все"*');
    expect(matchesTextQuery(parseTextQuery('Қазпошта'), ['', 'Казпочта, казпошта'])).toBe(true);
    expect(matchesTextQuery(parseTextQuery('всё'), ['', 'Все пришло'])).toBe(true);
    expect(matchesTextQuery(parseTextQuery('йогурт'), ['', 'иогурт'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fold } from '../../text/fold.js';
import { LEXICONS } from '../lexicons.js';
import { ENGLISH_WORDS } from './en.js';
import { ESTONIAN_WORDS } from './et.js';
import { HEBREW_WORDS } from './he.js';
import { KAZAKH_WORDS } from './kk.js';
import { NEGATOR_PHRASES } from './negator-phrases.js';
import { NOT_POLAR } from './not-polar.js';
import { createLexiconScorer } from '../lexicon-scorer.js';
import type { WordList } from './word-list.js';

function expectInLexicon(lang: string, words: WordList): void {
  expect(LEXICONS[lang]!.positive).toEqual(expect.arrayContaining([...words.positive]));
  expect(LEXICONS[lang]!.negative).toEqual(expect.arrayContaining([...words.negative]));
}

// The longer word lists keep the rules lexicons.ts states: each entry is written in its language's
// letters (and digits), says one polarity and is listed once.
const LISTS = [
  { lang: 'en', words: ENGLISH_WORDS, script: /^[a-z0-9' ]+$/ },
  { lang: 'et', words: ESTONIAN_WORDS, script: /^[a-zšžõäöü' ]+$/ },
  { lang: 'kk', words: KAZAKH_WORDS, script: /^[\u0400-\u04ff ]+$/ },
  { lang: 'he', words: HEBREW_WORDS, script: /^[\u05d0-\u05ea"' ]+$/ },
];

describe.each(LISTS)('word list $lang', ({ lang, words, script }) => {
  const positive = words.positive.map(fold);
  const negative = words.negative.map(fold);

  it('is written in its language’s letters', () => {
    expect([...words.positive, ...words.negative].filter((w) => !script.test(w.toLowerCase()))).toEqual([]);
  });

  it('lists each entry once, with one polarity', () => {
    const both = new Set(positive.filter((w) => negative.includes(w)));
    expect([...both]).toEqual([]);
    for (const list of [positive, negative]) expect(list.length).toBe(new Set(list).size);
  });

  it('is part of the language’s lexicon', () => {
    expectInLexicon(lang, words);
  });
});

describe('negator phrases', () => {
  it.each(Object.entries(NEGATOR_PHRASES))('%s: each starts with one of the language’s negators, has one polarity and is in its lexicon', (lang, words) => {
    const negators = new Set(LEXICONS[lang]!.negators.map(fold));
    const all = [...words.positive, ...words.negative].map(fold);
    expect(all.filter((w) => w.split(' ').length < 2 || !negators.has(w.split(' ')[0]!))).toEqual([]);
    expect(all.length).toBe(new Set(all).size);
    expectInLexicon(lang, words);
  });
});

describe('words that are not polar', () => {
  it.each(Object.entries(NOT_POLAR))('%s: each is caught by a polar entry without it, and scores nothing with it', (lang, neutral) => {
    const without = createLexiconScorer({ lexicon: { ...LEXICONS[lang]!, neutral: [] } });
    const withIt = createLexiconScorer({ lexicon: LEXICONS[lang]! });
    const caught = (scorer: typeof without, entry: string): boolean => {
      const hits = scorer.score(fold(entry).split(' '));
      return hits.positive + hits.negative > 0;
    };
    expect(neutral.filter((entry) => !caught(without, entry))).toEqual([]);
    expect(neutral.filter((entry) => caught(withIt, entry))).toEqual([]);
    expect(neutral.length).toBe(new Set(neutral.map(fold)).size);
  });
});

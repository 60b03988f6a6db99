import { describe, expect, it } from 'vitest';
import { compileBrandQuery } from './compile-brand-query.js';
import { QUERY_LIMITS } from './query-limits.js';
import { QueryParseError } from './query-parse-error.js';

describe('compileBrandQuery matches', () => {
  const cases: [query: string, text: string, expected: boolean][] = [
    ['nike', 'I love my NIKE shoes', true],
    ['nike', "Nike's new ad", true],
    ['nike', 'nikes everywhere', true],
    ['nike', 'I like Adidas', false],
    ['"just do it"', 'Just   do it!', true],
    ['"just do it"', 'just did it', false],
    ['nike AND shoes', 'nike running shoes', true],
    ['nike shoes', 'shoes by nike', true],
    ['nike AND shoes', 'nike running', false],
    ['nike OR adidas', 'adidas sale', true],
    ['nike AND NOT jobs', 'nike jobs in Tallinn', false],
    ['nike AND NOT jobs', 'nike store', true],
    ['(nike OR adidas) AND (shoes OR boots)', 'Adidas boots', true],
    ['(nike OR adidas) AND (shoes OR boots)', 'Adidas shirt', false],
    ['nike NEAR/2 shoes', 'nike really good shoes', true],
    ['nike NEAR/1 shoes', 'nike really good shoes', false],
    ['nike NEAR/2 shoes', 'shoes from nike', true],
    ['"air max" NEAR/3 (cheap OR sale)', 'Air Max 90 on sale today', true],
    ['sber*', 'Sberbank online', true],
    ['te?la', 'my tesla', true],
    // Russian: brand in any case ending
    ['Сбербанк', 'Проблемы со Сбербанком опять', true],
    ['Сбербанк', 'в Сбербанке очередь', true],
    ['Сбербанк', 'у Сбербанка новый офис', true],
    ['Лента', 'купил в Ленте молоко', true],
    ['Лента', 'магазины Ленты закрыты', true],
    ['Мегафон', 'мегафоном пользуюсь', true],
    // Kazakh: suffixes and Kazakh letters written with Russian look-alikes
    ['Қазпошта', 'Казпоштага хат жібердім', true],
    ['Каспи', 'Қаспидан тапсырыс бердім', true],
    ['Kaspi', 'Kaspi-ге бардым', true],
    ['Kaspi', 'Каспиде бәрі бар', true],
    ['Kaspi NEAR/2 магазин*', 'Kaspi-ге бардым ол магазинде', true],
    // Hebrew: attached prefixes, final letters
    ['זארה', 'קניתי בזארה חולצה', true],
    ['זארה', 'ולזארה יש מבצע', true],
    ['סופר פארם', 'הלכתי לסופר פארם', true],
    ['איקאה', 'אין לי כוח', false],
    // Estonian endings, diacritics
    ['Bolt', 'Sõitsin Boltiga koju', true],
    ['Rimi', 'Rimist ostetud', true],
    ['Selver', 'Selveris oli järjekord', true],
    ['Äripäev', 'loe aripaevast', true],
    // Script-insensitive: Latin query, Cyrillic text and back
    ['Samsung', 'Купил Самсунг вчера', true],
    ['Сбербанк', 'Sberbank online is down', true],
    // A word of one script with the other's look-alike letters in it: a Latin a in "Кaспи", a Cyrillic а in "Sberbаnk"
    ['Каспи', 'Кaспи банк', true],
    ['Sberbank', 'Sberbаnk online', true],
    // A link glued to the brand, as in truncated tweets
    ['Сбербанк', 'Новая ставка по вкладам в Сбербанкhttp://t.co/abc123', true],
    ['Сбербанк', 'ипотека в сбербанкеhttps://t.co/x', true],
    ['nike', 'new drop from Nikewww.example.com', true],
    ['nike NEAR/1 shoes', 'Nikehttp://t.co/a shoes', false],
    ['awww', 'Awww. so cute', true],
  ];
  it.each(cases)('%s ~ %s → %s', (query, text, expected) => {
    expect(compileBrandQuery(query).matches(text)).toBe(expected);
  });

  it('keeps the source', () => {
    expect(compileBrandQuery('a OR b').source).toBe('a OR b');
  });
});

describe('compileBrandQuery parse errors', () => {
  const cases: [query: string, position: number][] = [
    ['', 0],
    ['nike AND', 8],
    ['nike AND (shoes OR', 18],
    ['nike)', 4],
    ['(nike', 5],
    ['"just do it', 0],
    ['nike NEAR shoes', 5],
    ['nike NEAR/2 (a AND b)', 5],
    ['OR nike', 0],
    ['nike AND *', 9],
  ];
  it.each(cases)('%j fails at %i', (query, position) => {
    let error: unknown;
    try {
      compileBrandQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryParseError);
    const e = error as QueryParseError;
    expect(e.position).toBe(position);
    expect(e.message).toContain(`position ${position}`);
    expect(e.message).toContain(`${' '.repeat(position)}^`);
  });
});

describe('query limits', () => {
  const ors = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' OR ');
  const fails = (query: string): QueryParseError => {
    try {
      compileBrandQuery(query);
    } catch (e) {
      if (e instanceof QueryParseError) return e;
      throw e;
    }
    throw new Error(`${query.slice(0, 40)}… compiled`);
  };

  it('compiles a query at every limit', () => {
    const { maxTerms, maxDepth, maxPhraseWords, maxTermLength } = QUERY_LIMITS;
    expect(() => compileBrandQuery(ors(maxTerms))).not.toThrow();
    expect(() => compileBrandQuery(`${'('.repeat(maxDepth)}nike${')'.repeat(maxDepth)}`)).not.toThrow();
    expect(() => compileBrandQuery(`"${'just '.repeat(maxPhraseWords)}"`)).not.toThrow();
    expect(() => compileBrandQuery('n'.repeat(maxTermLength))).not.toThrow();
  });

  // Each was a stack overflow, a regular expression too large to build, or a matcher spending
  // seconds on every item, instead of an error saying what is wrong.
  it.each([
    ['a query too long', 'nike '.repeat(QUERY_LIMITS.maxLength), /^Query too long: 50000 characters, at most 10000 at position 10000/],
    ['too many terms', ors(QUERY_LIMITS.maxTerms + 1), /^Too many terms: more than 1000 terms and phrases at position 7890/],
    ['parentheses nested too deep', `${'('.repeat(33)}nike${')'.repeat(33)}`, /^Nested too deep: more than 32 .* at position 32/],
    ['NOTs nested too deep', `${'NOT '.repeat(33)}nike`, /^Nested too deep: more than 32 .* at position 128/],
    ['a term too long', `nike ${'n'.repeat(101)}`, /^Term too long: 101 characters, at most 100 at position 5/],
    ['a phrase too long', `nike "${'just '.repeat(21)}"`, /^Phrase too long: 21 words, at most 20 at position 5/],
    ['a word too long in a phrase', `"just ${'d'.repeat(101)}"`, /^Word too long in a phrase: 101 characters, at most 100 at position 0/],
  ])('refuses %s, saying so', (_, query, message) => {
    const e = fails(query);
    expect(e.message).toMatch(message);
    // A long query is shown around the position, the caret under it.
    const [, excerpt, caret] = e.message.split('\n');
    expect(excerpt!.length).toBeLessThanOrEqual(2 + 2 * 60 + 2);
    expect(excerpt![caret!.indexOf('^')]).toBe(e.position < query.length ? query[e.position] : undefined);
  });
});

describe('derived adjectives from a brand name', () => {
  const forms = (stem: string, endings: string[]) => endings.map((e) => stem + e);
  const ru = forms('акмовск', ['ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'ому', 'им', 'ом', 'ую', 'их', 'ими']);
  it.each(ru)('ru: Акме ~ %s', (word) => {
    expect(compileBrandQuery('Акме').matches(`это ${word} сервис`)).toBe(true);
  });
  it.each(forms('Сбербанковск', ['ие', 'ого', 'ими']))('ru: Сбербанк ~ %s', (word) => {
    expect(compileBrandQuery('Сбербанк').matches(word)).toBe(true);
  });
  it.each(['каспилік', 'Каспилік қосымша', 'каспиліктер', 'Қаспидік'])('kk: Каспи ~ %s', (text) => {
    expect(compileBrandQuery('Каспи').matches(text)).toBe(true);
  });
  it.each(['boltilik', 'boltilikud', 'Boltilikku', 'rimilik'])('et: Bolt OR Rimi ~ %s', (text) => {
    expect(compileBrandQuery('Bolt OR Rimi').matches(text)).toBe(true);
  });
  const unrelated: [query: string, text: string][] = [
    ['Каспи', 'Каспийское море'],
    ['Каспи', 'каспийский тюлень'],
    ['Каспи', 'на Каспии шторм'],
    ['Каспи', 'берег Каспия'],
    ['Kaspi', 'над Каспием тучи'],
    ['Kaspi', 'на Каспии шторм'],
    ['Акме', 'акмеизм в поэзии'],
    ['Акме', 'акмеисты'],
    ['Лента', 'лентовидный червь'],
    ['Bolt', 'boltsmith'],
    ['Rimi', 'primitive'],
    ['Selver', 'selveridge'],
  ];
  it.each(unrelated)('%s does not match %s', (query, text) => {
    expect(compileBrandQuery(query).matches(text)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { compileBrandMatcher } from './compile-brand-matcher.js';

const acme = compileBrandMatcher({ query: 'Acme OR Акме', name: 'Acme', handles: ['@AcmeSupport', '@acme_kz'], hashtags: ['#мыакме'] });

describe('brand handles and hashtags', () => {
  const cases: [text: string, expected: 'query' | 'handle' | undefined][] = [
    ['Acme raised prices', 'query'],
    ['#acme is trending', 'query'],
    ['follow @acmeforlife for deals', 'handle'],
    ['thanks @AcmeSupport!', 'handle'],
    ['@Acme_KZ жауап беріңізші', 'query'], // the underscore splits words: the query sees "Acme"
    ['the #acme2026 conference', 'handle'],
    ['#акмеживи', 'handle'],
    ['писал в @acmeru, молчат', 'handle'],
    ['I love #iloveacme', 'handle'],
    ['#мыакме', 'handle'],
    ['@MyAcme helped', 'handle'],
    ['@macmedia posted a video', undefined],
    ['#macme', undefined],
    ['mail me at info@acmeru.example', undefined],
    ['@acmex', undefined],
    ['#xacme', undefined],
    ['@acmeforlife', 'handle'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(acme.match({ text })).toBe(expected);
  });

  it('keeps the query in charge of glued tags: NOT and AND still apply', () => {
    const narrow = compileBrandMatcher({ query: 'acme AND NOT jobs', name: 'Acme' });
    expect(narrow.match({ text: '#acmeforlife great day' })).toBe('handle');
    expect(narrow.match({ text: '#acmeforlife jobs in Almaty' })).toBeUndefined();
    const both = compileBrandMatcher({ query: 'acme AND shoes', name: 'Acme' });
    expect(both.match({ text: '@acmeshop' })).toBeUndefined();
    expect(both.match({ text: '@acmeshop new shoes' })).toBe('handle');
  });

  it('needs an explicit boundary for short names', () => {
    const mts = compileBrandMatcher({ query: 'МТС OR MTS', name: 'MTS' });
    expect(mts.match({ text: '@mts_ru ответьте' })).toBe('query');
    expect(mts.match({ text: '#мтс2026' })).toBe('handle');
    expect(mts.match({ text: '@MtsBank' })).toBe('handle');
    expect(mts.match({ text: '@mtsmith wrote' })).toBeUndefined();
    expect(mts.match({ text: '#МТСМузыка' })).toBe('handle');
    expect(mts.match({ text: '#MTSmusic' })).toBe('handle');
    expect(mts.match({ text: '#МТСТВ' })).toBeUndefined();
  });

  it("counts a post by one of the brand's own accounts, named or not", () => {
    expect(acme.match({ text: 'We fixed it, sorry for the wait', author: 'Acme Support (@AcmeSupport)' })).toBe('handle');
    expect(acme.match({ text: 'We fixed it, sorry for the wait', author: 'anna' })).toBeUndefined();
    // An author whose handle carries the name counts like a tag: the brand's regional account, a fan page.
    expect(acme.match({ text: 'Акция до пятницы!', author: 'Acme Россия (@acme_russia)' })).toBe('handle');
    expect(acme.match({ text: 'Акция до пятницы!', author: '@acmeru' })).toBe('handle');
    expect(acme.match({ text: 'Акция до пятницы!', author: 'acmeforlife' })).toBe('handle');
    expect(acme.match({ text: 'New camera review', author: '@macmedia' })).toBeUndefined();
    expect(acme.match({ text: 'New camera review', author: 'Mac Media' })).toBeUndefined();
  });

  it("marks posts by and to the brand's own accounts", () => {
    expect(acme.accountRole({ author: 'Acme Support (@AcmeSupport)', text: 'We are on it' })).toBe('by-brand');
    expect(acme.accountRole({ author: 'acme_kz', text: 'Сәлем' })).toBe('by-brand');
    expect(acme.accountRole({ author: 'anna', text: '@AcmeSupport where is my parcel?' })).toBe('to-brand');
    expect(acme.accountRole({ author: 'anna', text: '@acmeforlife nice' })).toBeUndefined();
    expect(compileBrandMatcher({ query: 'Acme', name: 'Acme' }).accountRole({ author: '@acme', text: 'x' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyzer.js';

describe('topics with aspect sentiment', () => {
  const analyzer = createAnalyzer();
  const cases: [text: string, expected: Record<string, 'positive' | 'negative' | 'neutral'>][] = [
    ['The price went up but the quality is great', { price: 'negative', quality: 'positive' }],
    ['Цена выросла, но качество отличное', { price: 'negative', quality: 'positive' }],
    ['Цены в этом магазине дорогие', { price: 'negative' }], // inflected
    ['Бағасы қымбат, бірақ сапасы жақсы', { price: 'negative', quality: 'positive' }],
    ['Бағасы қымбат емес', { price: 'positive' }], // negation
    ['המחיר עלה אבל האיכות מעולה', { price: 'negative', quality: 'positive' }],
    ['המשלוח הגיע באיחור', { delivery: 'negative' }], // Hebrew prefix ה
    ['Hind tõusis, aga kvaliteet on suurepärane', { price: 'negative', quality: 'positive' }],
    ['Teenindus ei olnud viisakas', { service: 'negative' }], // negation
    ['The staff were not rude at all', { service: 'positive' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    const got = Object.fromEntries(analyzer.analyze(text).topics.map((t) => [t.topic, t.sentiment.label]));
    expect(got).toMatchObject(expected);
  });

  it('finds no topic in small talk', () => {
    expect(analyzer.analyze('Lovely weather in the park').topics).toEqual([]);
  });
});

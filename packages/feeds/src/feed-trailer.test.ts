import { describe, expect, it } from 'vitest';
import { withoutFeedTrailer } from './feed-trailer.js';

// Our own sentences: what each language's blogs and news sites put under an item.
describe('withoutFeedTrailer', () => {
  it.each([
    ['en', 'Nordtel cut its prices.\nContinue reading...'],
    ['en', 'Nordtel cut its prices.\n[Read more »]'],
    ['ru', 'Нордтел снизил цены.\nЧитать далее →'],
    ['ru', 'Нордтел снизил цены.\nПодробнее'],
    ['kk', 'Нордтел бағасын төмендетті.\nТолығырақ...'],
    ['he', 'נורדטל הורידה מחירים.\nלהמשך קריאה'],
    ['et', 'Nordtel langetas hindu.\nLoe edasi »'],
    ['en', 'Nordtel cut its prices.\nThe post Nordtel cut its prices appeared first on Telecom Daily.'],
    ['ru', 'Нордтел снизил цены.\nЗапись Нордтел снизил цены впервые появилась на Телеком-обзор.'],
  ])('%s: drops the navigation line of %j', (_lang, text) => {
    expect(withoutFeedTrailer(text)).toBe(text.split('\n')[0]);
  });

  it('drops stacked trailers', () => {
    expect(withoutFeedTrailer('Nordtel cut its prices.\nRead more\nThe post Prices appeared first on Telecom Daily.')).toBe('Nordtel cut its prices.');
  });

  it('keeps the words inside what the author wrote, and a text that is nothing but a trailer', () => {
    expect(withoutFeedTrailer("I'd love to read more")).toBe("I'd love to read more");
    expect(withoutFeedTrailer('Nordtel cut its prices.\nI want to read more about why')).toBe('Nordtel cut its prices.\nI want to read more about why');
    expect(withoutFeedTrailer('Nordtel cut its prices. Read more')).toBe('Nordtel cut its prices. Read more');
    expect(withoutFeedTrailer('Read more')).toBe('Read more');
  });
});

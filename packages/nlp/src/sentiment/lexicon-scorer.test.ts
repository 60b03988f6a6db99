import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold.js';
import { words } from '../text/tokenize.js';
import { createLexiconScorer } from './lexicon-scorer.js';
import { LEXICONS } from './lexicons.js';

describe('lexicon scorer: inflected forms and negation in every language', () => {
  const cases: [lang: string, text: string, sign: number][] = [
    ['en', 'the staff was helpful', 1],
    ['en', 'the staff was not helpful', -1],
    ['en', "it isn't bad at all", 1],
    ['ru', 'очень хорошего качества', 1], // inflected stem
    ['ru', 'обслуживание плохое', -1],
    ['ru', 'совсем не плохо', 1],
    ['ru', 'не понравилось', -1],
    ['kk', 'сапасы жақсы', 1],
    ['kk', 'жақсы емес', -1], // Kazakh negation follows the word
    ['kk', 'қымбат емес', 1],
    ['kk', 'маған ұнамады', -1],
    ['he', 'שירות מצוין', 1],
    ['he', 'והמוצר גרוע', -1],
    ['he', 'לא טוב', -1],
    ['he', 'ממש מאכזב', -1],
    ['et', 'väga hea teenindus', 1],
    ['et', 'teenindus ei olnud hea', -1],
    ['et', 'halvasti tehtud ja kallis', -1],
    ['et', 'see pole halb', 1],
  ];
  it.each(cases)('%s: %s → %i', (lang, text, sign) => {
    const scorer = createLexiconScorer({ lexicon: LEXICONS[lang]! });
    expect(Math.sign(scorer.score(words(text).map(fold)).score)).toBe(sign);
  });
});

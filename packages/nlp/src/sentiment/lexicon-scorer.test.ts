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
    // Words of the longer lists (wordlists/<lang>.ts) that the core lists lack; sentences of ours.
    ['en', 'the hinge feels flimsy', -1],
    ['kk', 'сатушы алдап кетті', -1],
    ['kk', 'мен риза болмадым', -1], // a phrase
    ['he', 'הם נוכלים', -1],
    ['he', 'צוות מקצועי ואמין', 1],
    ['et', 'müüja oli ebaviisakas', -1],
    ['et', 'klient jäi rahulolematuks', -1], // longer than the positive "rahul"
    // Expressions that start with a negator (wordlists/negator-phrases.ts), read whole; sentences of ours.
    ['en', "can't wait for the next season", 1],
    ['en', 'my parcel never arrived', -1],
    ['ru', 'ни разу не пожалел о покупке', 1],
    ['ru', 'приложение опять не работает', -1],
    ['kk', 'алғаныма еш өкінбеймін', 1],
    ['kk', 'сатушы еш жауап бермеді', -1],
    ['he', 'אין תחליף לשירות הזה', 1],
    ['he', 'אף אחד לא עונה בטלפון', -1],
    ['et', 'poele pole midagi ette heita', 1],
    ['et', 'rakendus ei avane', -1],
  ];
  it.each(cases)('%s: %s → %i', (lang, text, sign) => {
    const scorer = createLexiconScorer({ lexicon: LEXICONS[lang]! });
    expect(Math.sign(scorer.score(words(text).map(fold)).score)).toBe(sign);
  });
});

describe('lexicon scorer: how entries match', () => {
  // A lexicon of our own, to pin the matching rules down apart from any language's lists.
  const scorer = createLexiconScorer({
    lexicon: {
      positive: ['fine', 'finest', 'ok', 'wow', 'bad ass', 'not bad at all', 'fine nope nope'],
      negative: ['fines', 'bad', 'wow', 'waste of time', 'waste of money', 'not again'],
      negators: ['not'],
      postNegators: ['nope'],
      intensifiers: ['very'],
    },
  });
  const score = (text: string): number => scorer.score(words(text).map(fold)).score;

  it('matches a stem of 4+ letters at a word start, the longest one deciding', () => {
    expect(scorer.polarity('finely')).toBe(1);
    expect(scorer.polarity('finest')).toBe(1);
    expect(scorer.polarity('finesse')).toBe(-1); // "fines" is longer than "fine"
    expect(scorer.polarity('fin')).toBe(0);
  });

  it('matches a shorter entry as the whole word only, a later entry for it winning', () => {
    expect(scorer.polarity('ok')).toBe(1);
    expect(scorer.polarity('okay')).toBe(0);
    expect(scorer.polarity('wow')).toBe(-1);
    expect(scorer.polarity('bad')).toBe(-1);
    expect(scorer.polarity('badly')).toBe(0);
  });

  it('negates before and after, strengthens after an intensifier', () => {
    expect(score('not fine')).toBe(-1);
    expect(score('fine nope')).toBe(-1);
    expect(score('very fine')).toBe(1.5);
    expect(score('very fine, fine')).toBe(2.5);
  });

  it('matches a phrase as its word sequence, its polarity standing for its words', () => {
    expect(score('a waste of time')).toBe(-1);
    expect(score('waste of money, and a waste of time')).toBe(-2);
    expect(score('waste of')).toBe(0);
    expect(score('a bad ass phone')).toBe(1);
    expect(score('not a waste of time')).toBe(1);
    expect(score('a bad ass waste of time')).toBe(0); // two phrases side by side
  });

  it('reads a phrase that starts with or holds a negator as the phrase, not as negation', () => {
    expect(score('not again')).toBe(-1);
    expect(score('not again fine')).toBe(0); // the phrase's "not" negates nothing after it
    expect(score('not bad at all')).toBe(1);
    expect(score('fine nope nope')).toBe(1);
    expect(score('not fine nope nope')).toBe(-1); // a negator before the phrase still flips it
  });

  it('leaves a word or phrase listed as neutral without polarity, though a polar stem starts it', () => {
    const withNeutral = createLexiconScorer({
      lexicon: {
        positive: ['good', 'top'],
        negative: ['crash'],
        neutral: ['goods', 'crash course', 'wow'],
        negators: ['not'],
        postNegators: [],
        intensifiers: [],
        prefixes: ['ש'],
      },
    });
    const of = (text: string): number => withNeutral.score(words(text).map(fold)).score;
    expect(withNeutral.polarity('goods')).toBe(0);
    expect(withNeutral.polarity('goodness')).toBe(1);
    expect(of('the goods arrived')).toBe(0);
    expect(of('a crash course in baking')).toBe(0);
    expect(of('the app crashed')).toBe(-1);
    expect(of('not a crash course')).toBe(0);
    expect(withNeutral.polarity('wow')).toBe(0);
  });

  it('reads a Hebrew word as listed before stripping its prefixes, so a neutral entry stands', () => {
    const hebrew = createLexiconScorer({
      lexicon: { positive: ['טופ'], negative: [], neutral: ['שטוף'], negators: [], postNegators: [], intensifiers: [], prefixes: ['ש', 'ה'] },
    });
    expect(hebrew.polarity(fold('שטוף'))).toBe(0);
    expect(hebrew.polarity(fold('הטופ'))).toBe(1);
  });

  it('scores a text of many words as the sum of its parts', () => {
    const part = 'the room was fine but the food was bad and not fine';
    expect(score(Array.from({ length: 200 }, () => part).join(' '))).toBe(200 * score(part));
  });
});

import { describe, expect, it } from 'vitest';
import { prepareText } from '../text/prepare-text.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { looksLikeQuestion, questionCuesFor } from './question-cues.js';

// Our own sentences: an information question in each language, and the same question turned into
// something else (a statement, a question about one's own order, a story before the question).
const CASES: Record<string, { asks: string; not: string[] }> = {
  en: { asks: 'Is the Nordtel shop in the mall open on Sunday?', not: ['The Nordtel shop in the mall is open on Sunday.', 'Where is my refund?'] },
  ru: {
    asks: 'Во сколько открывается отделение в воскресенье?',
    not: ['Отделение открывается в воскресенье в десять.', 'Где мой заказ?', 'Ждал час. Во сколько откроют кассу?'],
  },
  kk: { asks: 'Дүкен жексенбіде қашан ашылады?', not: ['Дүкен жексенбіде сағат онда ашылады.', 'Менің тапсырысым қайда?'] },
  he: { asks: 'מתי הסניף נפתח ביום ראשון?', not: ['הסניף נפתח ביום ראשון בעשר.', 'איפה ההזמנה שלי?'] },
  et: { asks: 'Millal kauplus pühapäeval avatakse?', not: ['Kauplus avatakse pühapäeval kell kümme.', 'Kus on minu pakk?'] },
};

describe('looksLikeQuestion', () => {
  it.each(SUPPORTED_LANGUAGES)('tells an information question in %s from a statement and from a question about oneself', (lang) => {
    const cues = questionCuesFor(lang)!;
    const { asks, not } = CASES[lang]!;
    expect(looksLikeQuestion(prepareText(asks), cues)).toBe(true);
    for (const text of not) expect([text, looksLikeQuestion(prepareText(text), cues)]).toEqual([text, false]);
  });

  it('takes closing quotes and repeated marks after the question mark, and nothing long', () => {
    const cues = questionCuesFor('en')!;
    expect(looksLikeQuestion(prepareText('Where is the nearest ATM??'), cues)).toBe(true);
    expect(looksLikeQuestion(prepareText('"Where is the nearest ATM?"'), cues)).toBe(true);
    expect(looksLikeQuestion(prepareText('Where is the nearest ATM?!'), cues)).toBe(false);
    expect(looksLikeQuestion(prepareText(`Where is the ATM ${'that was next to the old post office '.repeat(2)}?`), cues)).toBe(false);
  });

  it('has no cues for a language it does not know', () => {
    expect(questionCuesFor('fi')).toBeUndefined();
  });
});

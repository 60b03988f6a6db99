import { describe, expect, it } from 'vitest';
import { createWordOfMouthDetector } from './detect-word-of-mouth.js';

describe('word-of-mouth signals', () => {
  const detector = createWordOfMouthDetector();
  const cases: [text: string, warning: boolean, recommendation: boolean][] = [
    ["Don't buy this, it broke in a day", true, false],
    ['I would not recommend them to anyone', true, false],
    ['Highly recommend this place!', false, true],
    // The topic guidelines' own examples of warning others (GUIDELINES.md, trust), and the apostrophe left out.
    ['DO NOT PURCHASE this kettle', true, false],
    ['dont go here, the food was cold', true, false],
    ['Пора менять оператора', true, false],
    ['I highly recommended it to my sister', false, true],
    ['Не берите этот тариф', true, false],
    ['Всем рекомендую этот магазин', false, true],
    ['Не рекомендую, сервис ужасный', true, false],
    ['Сатып алмаңыз, сапасы нашар', true, false],
    ['Сатып алмаңыздар бұл телефонды', true, false],
    ['Бәріңізге ұсынамын', false, true],
    ['אל תקנו את המוצר הזה', true, false],
    ['ממליץ בחום על המקום', false, true],
    ['לא ממליץ לאף אחד', true, false],
    ['Ärge ostke seda', true, false],
    ['Soovitan kõigile!', false, true],
    ['Ei soovita seda poodi', true, false],
    ['The weather is nice today', false, false],
  ];
  it.each(cases)('%s → warning %s, recommendation %s', (text, warning, recommendation) => {
    const s = detector.detect(text);
    expect({ warning: s.warning, recommendation: s.recommendation }).toEqual({ warning, recommendation });
    expect(s.phrases.length > 0).toBe(warning || recommendation);
  });
});

import { describe, expect, it } from 'vitest';
import { fold, foldWord } from './fold.js';
import { prepareText } from './prepare-text.js';

describe('a word of one script with the other script look-alike letters in it', () => {
  it('reads as Cyrillic where its Latin letters all look Cyrillic (Kazakh typed without і)', () => {
    expect(prepareText('Бiрак жеткiзуi тез, Аллаh').words).toEqual(prepareText('Бірақ жеткізуі тез, Аллаһ').words);
    expect(fold('Бiрiншi рет')).toBe(fold('Бірінші рет'));
  });

  it('reads as Latin where its Cyrillic letters all look Latin, so a brand name is still found', () => {
    // "Kаspi" has a Cyrillic а.
    expect(fold('Kаspi')).toBe('kaspi');
    expect(prepareText('Мен Kаspi қолданамын').words).toEqual(['мен', 'kaspi', 'колданамын']);
  });

  it('leaves two words glued together as they are, and words of one script in a mixed text', () => {
    expect(fold('сбербанкonline')).toBe('сбербанкonline');
    expect(fold('rusможно')).toBe('rusможно');
    expect(fold('ace бiрак')).toBe('ace бирак');
    expect(prepareText('ace бiрак').words).toEqual(['ace', 'бирак']);
  });
});

describe('foldWord', () => {
  it('folds a word of one script as fold() does', () => {
    for (const word of ['қазақ', 'café', 'שלום', 'hello', 'ёлка', 'әзірге']) expect(foldWord(word)).toBe(fold(word));
    expect(foldWord('қазақ')).toBe('казак');
  });
});

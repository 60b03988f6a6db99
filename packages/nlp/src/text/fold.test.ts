import { describe, expect, it } from 'vitest';
import { fold, foldWord, inOneScript } from './fold.js';

describe('fold', () => {
  it('reads a Cyrillic word with Latin look-alikes in it as Cyrillic (Kazakh typed without і)', () => {
    expect(foldWord('бiрак')).toBe(foldWord('бірақ'.replace('қ', 'к')));
    expect(foldWord('жеткiзуi')).toBe(fold('жеткізуі'));
    expect(foldWord('аллаh')).toBe(fold('аллаһ'));
    expect(fold('Бiрiншi рет')).toBe(fold('Бірінші рет'));
  });

  it('reads a Latin word with Cyrillic look-alikes in it as Latin, so a brand name is still found', () => {
    // "Kаspi" below has a Cyrillic а.
    expect(fold('Kаspi')).toBe('kaspi');
    expect(foldWord('kаspi')).toBe('kaspi');
  });

  it('leaves two words glued together as they are: their letters are not all look-alikes', () => {
    expect(inOneScript('сбербанкonline')).toBe('сбербанкonline');
    expect(inOneScript('rusможно')).toBe('rusможно');
    expect(foldWord('itлидер')).toBe('itлидер');
  });

  it('folds a word of one script as before', () => {
    expect(foldWord('қазақ')).toBe('казак');
    expect(foldWord('café')).toBe('cafe');
    expect(foldWord('שלום')).toBe('שלומ');
    expect(foldWord('hello')).toBe('hello');
    expect(fold('Мен Kаspi-ге барамын')).toBe('мен kaspi-ге барамын');
  });
});

import { describe, expect, it } from 'vitest';
import { hasMixedScripts, inOneScript, withWordsInOneScript } from './one-script.js';

describe('a word typed in two scripts', () => {
  it('reads as Cyrillic where its Latin letters all look Cyrillic (Kazakh typed without і)', () => {
    expect(inOneScript('бiрак')).toBe('бірак');
    // "Кaспи" with a Latin a.
    expect(inOneScript('кaспи')).toBe('каспи');
  });

  it('reads as Latin where its Cyrillic letters all look Latin', () => {
    // "kаspi" with a Cyrillic а.
    expect(inOneScript('kаspi')).toBe('kaspi');
  });

  it('leaves two words glued together and words of one script as they are', () => {
    expect(inOneScript('сбербанкonline')).toBe('сбербанкonline');
    expect(inOneScript('rusможно')).toBe('rusможно');
    expect(inOneScript('каспи')).toBe('каспи');
    expect(inOneScript('kaspi')).toBe('kaspi');
  });

  it('puts each mixed word of a text in one script, in lower case, and leaves the rest of the text alone', () => {
    expect(withWordsInOneScript('Новый Кaспи Bank, бiрак!')).toBe('Новый каспи Bank, бірак!');
    const plain = 'Каспи Bank';
    expect(withWordsInOneScript(plain)).toBe(plain);
    expect(hasMixedScripts(plain)).toBe(false);
    expect(hasMixedScripts('Кaспи')).toBe(true);
  });
});

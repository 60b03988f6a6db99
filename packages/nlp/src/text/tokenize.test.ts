import { describe, expect, it } from 'vitest';
import { tokenize, words } from './tokenize.js';

describe('tokenize', () => {
  it('keeps apostrophes inside words and writes them as ASCII', () => {
    expect(words("Don’t stop, it`s Kaspi'ге")).toEqual(["don't", 'stop', "it's", "kaspi'ге"]);
  });

  it('keeps a Hebrew abbreviation with its gershayim or geresh as one word, either way it is typed', () => {
    expect(words('ח"כ אמר לצה״ל')).toEqual(['ח"כ', 'אמר', 'לצה"ל']);
    expect(words('ג׳ובניק')).toEqual(["ג'ובניק"]);
  });

  it('leaves quotation marks around Hebrew words out of the words', () => {
    expect(words('הוא אמר "שלום" ויצא')).toEqual(['הוא', 'אמר', 'שלום', 'ויצא']);
  });

  it('reads a Hebrew letter typed three or more times as one, and leaves doubled letters and other scripts alone', () => {
    expect(words('תקומווווו שוויון')).toEqual(['תקומו', 'שוויון']);
    expect(words('soooo good')).toEqual(['soooo', 'good']);
  });

  it('gives each token its place in the normalised text, however its word was rewritten', () => {
    const norm = 'אה תקומוווו!';
    const [, t] = tokenize(norm);
    expect(t).toEqual({ text: 'תקומו', start: 3, end: 11 });
    expect(norm.slice(t!.start, t!.end)).toBe('תקומוווו');
  });
});

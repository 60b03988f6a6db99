import { describe, expect, it } from 'vitest';
import { WORD_PATTERN, scanWords } from './word-scanner.js';

/** The words as [start, end] pairs: by the scan, and by the regex it stands for. */
const scanned = (s: string): number[][] => {
  const out: number[][] = [];
  scanWords(s, (start, end) => out.push([start, end]));
  return out;
};
const matched = (s: string): number[][] => [...s.matchAll(WORD_PATTERN)].map((m) => [m.index, m.index + m[0].length]);

/** Characters where the scan and the regex could part: each alternative's edges, marks, quotes, surrogates. */
const TRICKY = [
  ...'aZ09 ёқә',
  ...'אבתשׁ',
  '\u05F0',
  '\u05F3',
  '\u05F4',
  '"',
  "'",
  '’',
  '`',
  '\u0301',
  '\u0483',
  '\u0489',
  '\u05BE',
  '-',
  ':',
  ';',
  '(',
  ')',
  'D',
  'P',
  'p',
  '.',
  '²',
  '½',
  'Ⅻ',
  '©',
  '❤',
  '\uFE0F',
  '😀',
  '👍🏻',
  '𝐀',
  '\uD800',
  '\uDC00',
  '\t',
  '\u00A0',
];

function randomStrings(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % 12) }, () => TRICKY[next() % TRICKY.length]!).join(''));
}

describe('scanWords', () => {
  it('finds the words the regex does in our sentences of every language', () => {
    for (const s of [
      "i don't like it :-) but kaspi'ге ok",
      'צה"ל וח"כ ג\'ובניק אמרו',
      'мына кітап ұнады!!! 👍🏻👍',
      'Tere, kas pood on avatud? ;p',
      'h2o² ½ Ⅻ © ❤️ 𝐀bc',
    ])
      expect(scanned(s)).toEqual(matched(s));
  });

  it('finds the words the regex does in 20,000 generated strings of the characters where they could part', () => {
    for (const s of randomStrings(20_000, 7)) expect(scanned(s), JSON.stringify(s)).toEqual(matched(s));
  });

  it('reads a Hebrew abbreviation as one word and a quote mark without letters after it as none', () => {
    expect(scanned('צה"ל')).toEqual([[0, 4]]);
    expect(scanned('אבג" ד')).toEqual([
      [0, 3],
      [5, 6],
    ]);
  });
});

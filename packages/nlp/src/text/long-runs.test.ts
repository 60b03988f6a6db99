import { describe, expect, it } from 'vitest';
import { longRuns } from './long-runs.js';
import { isSpace } from './tokenize.js';

describe('isSpace (tokenize.ts, which long runs and clause breaks use)', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });
});

describe('longRuns', () => {
  it('finds the runs of non-space characters longer than the limit, at the text’s ends too', () => {
    const text = `${'a'.repeat(5)} ab\t${'b'.repeat(6)}\n${'c'.repeat(4)}`;
    expect(longRuns(text, 4)).toEqual([0, 5, 9, 15]);
    expect(longRuns(text, 6)).toEqual([]);
    expect(longRuns('', 0)).toEqual([]);
  });
});

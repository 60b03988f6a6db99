import { describe, expect, it } from 'vitest';
import { startOf } from './start-of.js';

describe('startOf', () => {
  it('cuts to the length, one code unit fewer where a surrogate pair would be split', () => {
    expect(startOf('abcdef', 3)).toBe('abc');
    expect(startOf('ab😀cd', 3)).toBe('ab'); // 😀 is two code units: the cut would leave its first
    expect(startOf('ab😀cd', 4)).toBe('ab😀');
  });

  it('keeps a shorter text whole and cuts nothing below zero', () => {
    expect(startOf('abc', 10)).toBe('abc');
    expect(startOf('abc', 0)).toBe('');
    expect(startOf('abc', -1)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_NOISE_RUN, NOISE, noiseSpans, withoutNoise } from './noise.js';

describe('withoutNoise', () => {
  it('blanks links, e-mail addresses, handles, tags and the {link} placeholder, and keeps the words', () => {
    const text = 'Nordtel @nordtel_support #outage again: see https://status.example/x or www.nordtel.example, mail help@nordtel.example {link}';
    expect(withoutNoise(text).split(/\s+/).filter(Boolean)).toEqual(['Nordtel', 'again:', 'see', 'or', 'mail']);
  });

  it('returns a text with nothing to remove as it is', () => {
    const text = 'Сервис Нордтел — 5 звёзд, спасибо!';
    expect(withoutNoise(text)).toBe(text);
  });
});

describe('noiseSpans', () => {
  const regexSpans = (text: string) => [...text.matchAll(NOISE)].flatMap((m) => [m.index, m.index + m[0].length]);

  it('finds what NOISE finds, also in a text with a run longer than any e-mail address', () => {
    const run = `https://tracker.example/click?${'id=1&'.repeat(MAX_NOISE_RUN / 4)}`;
    const text = `Nordtel #outage ${run} mail help@nordtel.example or @nordtel_support {link} again`;
    expect(noiseSpans(text)).toEqual(regexSpans(text));
    expect(withoutNoise(text).split(/\s+/).filter(Boolean)).toEqual(['Nordtel', 'mail', 'or', 'again']);
  });

  it('leaves the e-mail pattern off a long run: tags and handles in it still count', () => {
    const at = 6 + MAX_NOISE_RUN;
    const spans = noiseSpans(`hello ${'x'.repeat(MAX_NOISE_RUN)}#tag:a@b.example`);
    // Over the whole run, NOISE would have taken it as one e-mail address.
    expect(spans).toEqual([at, at + '#tag'.length, at + '#tag:a'.length, at + '#tag:a@b'.length]);
  });

  it('stays linear on a run of a million characters that the e-mail pattern would backtrack over', () => {
    // NOISE over this took 4 s at 100,000 characters and grows with the square of the length.
    const text = `see @nordtel ${'a@'.repeat(500_000)}`;
    const spans = noiseSpans(text);
    expect(spans.slice(0, 2)).toEqual([4, 12]);
    expect(spans.length / 2).toBe(1 + 500_000 - 1);
  });
});

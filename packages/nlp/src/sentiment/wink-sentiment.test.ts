import { describe, expect, it } from 'vitest';
import { MAX_WINK_TOKEN, createWinkSentiment, withShortTokens } from './wink-sentiment.js';

describe('withShortTokens', () => {
  it('returns a text of ordinary words as it is', () => {
    const text = 'The engineer came on time: https://nordtel.example/status?id=42 #great';
    expect(withShortTokens(text)).toBe(text);
  });

  it('cuts each longer run of non-space characters to its start', () => {
    const blob = 'x'.repeat(MAX_WINK_TOKEN + 10);
    expect(withShortTokens(`Great ${blob} service ${blob}`)).toBe(`Great ${'x'.repeat(MAX_WINK_TOKEN)} service ${'x'.repeat(MAX_WINK_TOKEN)}`);
  });
});

describe('createWinkSentiment', () => {
  const wink = createWinkSentiment();

  it('scores a text with a long blob as the same text without it', () => {
    // wink-nlp's tokenizer is quadratic in a token's length: this run alone took ~4 s at 30,000
    // characters, and would take over an hour at a million.
    const blob = 'a1'.repeat(500_000);
    expect(wink.score(`Terrible support, never again. ${blob}`)).toBe(wink.score(`Terrible support, never again. ${'a1'.repeat(MAX_WINK_TOKEN / 2)}`));
    expect(wink.score('Terrible support, never again.')).toBeLessThan(0);
  });

  it('reads a word that mixes scripts in one, as the rest of the analysis does', () => {
    // "Kаspi" and "Bеst" below hold a Cyrillic а and е: wink-nlp took several times as long over such words.
    expect(wink.score('Kаspi is the Bеst bank')).toBe(wink.score('kaspi is the best bank'));
    expect(wink.score('Kаspi is the Bеst bank')).toBeGreaterThan(0);
  });
});

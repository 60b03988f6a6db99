import { describe, expect, it } from 'vitest';
import { withoutNoise } from './noise.js';

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

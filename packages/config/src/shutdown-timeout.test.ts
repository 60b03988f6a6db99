import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const config = (extra = '') => parseConfig(`brands: [{ id: a, name: A }]\n${extra}`, 'test.yaml');

describe('shutdownTimeout', () => {
  it('defaults to 8 s, under Docker’s 10 s grace', () => expect(config().shutdownTimeout).toBe(8000));
  it('reads a duration', () => expect(config('shutdownTimeout: 25s\n').shutdownTimeout).toBe(25_000));
  it('refuses less than a second, by key', () => {
    expect(() => config('shutdownTimeout: 0\n')).toThrow(ConfigError);
    expect(() => config('shutdownTimeout: 0\n')).toThrow(/shutdownTimeout: at least 1s/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const config = (extra = '') => parseConfig(`brands: [{ id: a, name: A }]\n${extra}`, 'test.yaml');

describe('health and api.ticketSecret settings', () => {
  it('health: loopback by default, host/lagInterval/stuckAfter read', () => {
    expect(config('health: { port: 9464 }\n').health).toEqual({ port: 9464, host: '127.0.0.1', lagInterval: 10_000, stuckAfter: 300_000 });
    expect(config('health: { port: 1, host: 0.0.0.0, lagInterval: 2s, stuckAfter: 1m }\n').health).toEqual({
      port: 1,
      host: '0.0.0.0',
      lagInterval: 2000,
      stuckAfter: 60_000,
    });
  });
  it('refuses a stuckAfter under a second and an empty host, by key', () => {
    expect(() => config('health: { stuckAfter: 10ms }\n')).toThrow(/health\.stuckAfter: at least 1s/);
    expect(() => config('health: { host: "" }\n')).toThrow(ConfigError);
  });
  it('refuses a short api.ticketSecret, by key', () => {
    expect(() => config('api: { ticketSecret: short }\n')).toThrow(/api\.ticketSecret: ticketSecret must be at least 32 characters/);
    expect(config(`api: { ticketSecret: ${'k'.repeat(32)} }\n`).api.ticketSecret).toBe('k'.repeat(32));
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const withStore = (store: string) => `brands:\n  - { id: nordtel, name: Nordtel }\nstore: ${store}\n`;

describe('store query timeout', () => {
  it('takes a duration, and is left to the store default when absent', () => {
    expect(parseConfig(withStore('{ kind: sqlite, path: x.db, queryTimeout: 2s }'), 'x.yaml').store).toMatchObject({ queryTimeout: 2000 });
    expect(parseConfig(withStore('{ kind: sqlite, path: x.db }'), 'x.yaml').store.queryTimeout).toBeUndefined();
  });

  it('refuses a timeout too short to answer anything', () => {
    expect(() => parseConfig(withStore('{ kind: sqlite, path: x.db, queryTimeout: 10ms }'), 'x.yaml')).toThrow(ConfigError);
    try {
      parseConfig(withStore('{ kind: sqlite, path: x.db, queryTimeout: 10ms }'), 'x.yaml');
    } catch (err) {
      expect((err as ConfigError).problems).toEqual(['store.queryTimeout: at least 100ms']);
    }
  });
});

// The configs we ship must stay valid as the schema grows.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@earshot/config';

const file = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

describe('shipped configs', () => {
  it.each(['earshot.example.yaml', 'demo/earshot.demo.yaml'])('%s is valid', (path) => {
    const config = loadConfig(file(path), { env: {} });
    expect(config.brands.length).toBeGreaterThan(0);
    expect(config.rules.length).toBeGreaterThan(0);
    expect(config.bus.kind).toBe('embedded');
  });
});

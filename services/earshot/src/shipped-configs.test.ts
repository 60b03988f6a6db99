// The configs we ship must stay valid as the schema grows, with every offline check the CLI and
// the services run (unknown keys, source types, brand queries).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@earshot/config';
import { configChecks } from './config-checks.js';

const file = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

describe('shipped configs', () => {
  it.each(['earshot.example.yaml', 'demo/earshot.demo.yaml'])('%s is valid', (path) => {
    const warnings: string[] = [];
    const config = loadConfig(file(path), { env: {}, checks: configChecks(), onWarning: (w) => warnings.push(w) });
    expect(config.brands.length).toBeGreaterThan(0);
    expect(config.rules.length).toBeGreaterThan(0);
    expect(config.bus.kind).toBe('embedded');
    expect(warnings).toEqual([]);
  });
});

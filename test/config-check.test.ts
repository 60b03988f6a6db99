// `earshot config check` validates everything it can offline, as a user runs it: unknown keys
// (errors, or warnings with --lenient), source types, brand query syntax with the caret excerpt,
// references, too-short durations. A service refuses to start on the same problems.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEarshot } from './support/earshot-cli.js';

const BROKEN = `
brands:
  - { id: acme, name: Acme, query: "(acme OR акме" }
sources:
  - { id: feed, type: rsss, url: "https://example.org/feed.xml" }
  - { id: reviews, type: app-store, url: "https://example.org/r.json", about: acne, pollIntervall: 5m }
sorces: []
api: { token: "0123456789abcdef0123" }
channels:
  - { id: hook, type: webhook, url: "https://hooks.example.org/x" }
subscriptions:
  - { channel: pager, rule: nope }
`;

const TOO_FAST = `
brands:
  - { id: acme, name: Acme }
sources:
  - { id: fast, type: rsss, url: "https://example.org/fast.xml", pollInterval: 0 }
`;

const ONLY_TYPOS = `
brands:
  - { id: acme, name: Acme }
sorces: []
`;

describe('earshot config check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-config-check-'));
    writeFileSync(join(dir, 'broken.yaml'), BROKEN);
    writeFileSync(join(dir, 'typos.yaml'), ONLY_TYPOS);
    writeFileSync(join(dir, 'fast.yaml'), TOO_FAST);
  });

  it('lists every problem by key path and exits 2', async () => {
    const res = await runEarshot(['config', 'check', join(dir, 'broken.yaml')]);
    expect(res.code).toBe(2);
    const err = res.stderr;
    expect(err).toContain('sources[1].pollIntervall: unknown key (did you mean "pollInterval"?)');
    expect(err).toContain('sorces: unknown key (did you mean "sources"?)');
    expect(err).toContain('api.token: unknown key (did you mean "tokens"?)');
    expect(err).toContain('sources[0].type: unknown source type "rsss" (known: ');
    expect(err).toContain('sources[1].about: unknown brand "acne"');
    expect(err).toContain('subscriptions[0].channel: unknown channel "pager"');
    expect(err).toContain('subscriptions[0].rule: unknown rule "nope"');
    expect(err).toContain("brands[0].query: Expected ')' at position 13\n      (acme OR акме\n                   ^");
  });

  it('refuses a poll interval of 0 with a clear message, beside the other problems', async () => {
    const res = await runEarshot(['config', 'check', join(dir, 'fast.yaml')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('sources[0].pollInterval: too short: at least 5s');
    expect(res.stderr).toContain('sources[0].type: unknown source type "rsss"');
  });

  it('turns unknown keys into warnings with --lenient', async () => {
    const strict = await runEarshot(['config', 'check', join(dir, 'typos.yaml')]);
    expect(strict.code).toBe(2);
    const lenient = await runEarshot(['config', 'check', '--lenient', join(dir, 'typos.yaml')]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toContain('warning:');
    expect(lenient.stderr).toContain('sorces: unknown key (did you mean "sources"?)');
    expect(lenient.stdout).toContain(': ok (1 brands');
  });

  it('refuses to start a service on the same problems', async () => {
    const res = await runEarshot(['collector', '--config', join(dir, 'broken.yaml')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('sources[0].type: unknown source type "rsss"');
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { problemsOf } from './testing/problems-of.js';

const base = `
brands:
  - { id: acme, name: Acme, handles: ["@AcmeSupport"], hashtags: ["#acme"] }
sources:
  - { id: reviews, type: app-store, url: "https://example.org/r.json", about: acme, exclude: "вакансия" }
`;

describe('config strictness', () => {
  it('accepts brand handles, hashtags and an owned source', () => {
    const config = parseConfig(base, 'x.yaml');
    expect(config.brands[0]).toMatchObject({ handles: ['@AcmeSupport'], hashtags: ['#acme'] });
    expect(config.sources[0]).toMatchObject({ about: 'acme', exclude: 'вакансия' });
  });

  it('names unknown keys by path, with a did-you-mean', () => {
    const text = `${base}sorces: []\napi: { token: "x" }\n`.replace('about: acme', 'about: acme, pollIntervall: 5m');
    expect(problemsOf(text)).toEqual([
      'sources[0].pollIntervall: unknown key (did you mean "pollInterval"?); known keys: id, type, title, url, brand, about, exclude, pollInterval, allowPrivateNetwork, lang',
      expect.stringMatching(/^sorces: unknown key \(did you mean "sources"\?\)/),
      expect.stringMatching(/^api\.token: unknown key \(did you mean "tokens"\?\)/),
    ]);
  });

  it('turns unknown keys into warnings with lenient', () => {
    const warnings: string[] = [];
    const config = parseConfig(`${base}sorces: []\n`, 'x.yaml', { lenient: true, onWarning: (w) => warnings.push(w) });
    expect(config.sources).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/^sorces: unknown key/)]);
  });

  it('checks keys inside discriminated unions (rules, channels, backends)', () => {
    const text = `${base}rules:\n  - { id: r, type: threshold, count: 3, windw: 10m }\nstore: { kind: sqlite, pth: x.db }\n`;
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^rules\[0\]\.windw: unknown key \(did you mean "window"\?\)/),
      expect.stringMatching(/^store\.pth: unknown key \(did you mean "path"\?\)/),
    ]);
  });

  it('refuses durations too short to mean anything', () => {
    expect(problemsOf(base.replace('about: acme', 'about: acme, pollInterval: 0'))).toEqual(['sources[0].pollInterval: too short: at least 5s']);
    expect(problemsOf(`${base}rules:\n  - { id: r, type: threshold, count: 3, window: 0 }\n`)).toEqual(['rules[0].window: too short: at least 1s']);
  });

  it('takes includeBrandPosts on any rule, as true or false only', () => {
    const rules = `${base}rules:\n  - { id: r, type: spike, includeBrandPosts: true }\n  - { id: s, type: source-silent }\n`;
    expect(parseConfig(rules, 'x.yaml').rules.map((r) => r.includeBrandPosts)).toEqual([true, undefined]);
    expect(problemsOf(`${base}rules:\n  - { id: r, type: threshold, count: 3, includeBrandPosts: "yes" }\n`)).toEqual([
      `rules[0].includeBrandPosts: true or false (whether posts by the brand's own accounts count), not "yes"`,
    ]);
  });

  it('refuses an owned source about a brand that does not exist', () => {
    expect(problemsOf(base.replace('about: acme', 'about: acne'))).toEqual(['sources[0].about: unknown brand "acne"']);
  });

  it('runs the checks it is given: source types and query syntax', () => {
    const checks = {
      sourceTypes: ['rss', 'app-store'],
      brandQuery: (q: string) => (q.includes('(') && !q.includes(')') ? `Expected ')' at position ${q.length}` : undefined),
    };
    const text = base.replace('type: app-store', 'type: rsss').replace('name: Acme,', "name: Acme, query: '(acme OR akme',");
    expect(problemsOf(text, { checks })).toEqual([
      'sources[0].type: unknown source type "rsss" (known: rss, app-store)',
      "brands[0].query: Expected ')' at position 13",
    ]);
  });
});

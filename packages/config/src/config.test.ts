import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { problemsOf as problemsWith } from './testing/problems-of.js';

const valid = `
brands:
  - { id: nordtel, name: Nordtel }
  - { id: acme, name: Acme, query: 'acme OR "acme corp"' }
sources:
  - { id: a, type: rss, url: "https://example.org/feed.xml", brand: nordtel, pollInterval: 5m }
rules:
  - { id: neg, type: threshold, brand: nordtel, count: 3, window: 10m }
channels:
  - { id: hook, type: webhook, url: "https://hooks.example.org/x", secret: "\${HOOK_SECRET}" }
subscriptions:
  - { channel: hook, brand: nordtel }
`;

const problemsOf = (text: string, env: Record<string, string> = {}) => problemsWith(text, { env });

describe('config', () => {
  it('parses a valid file with defaults, durations and env secrets', () => {
    const config = parseConfig(valid, '/etc/earshot/earshot.yaml', { env: { HOOK_SECRET: 's3cret' } });
    expect(config.sources[0]!.pollInterval).toBe(300_000);
    expect(config.rules[0]).toMatchObject({ window: 600_000, count: 3, sentiment: 'negative', severity: 'warning' });
    expect(config.channels[0]).toMatchObject({ secret: 's3cret' });
    expect(config.brands[0]!.query).toBe('"Nordtel"');
    expect(config.bus.kind).toBe('embedded');
    expect(config.store.kind).toBe('sqlite');
    expect(config.baseDir).toBe('/etc/earshot');
  });

  it('names the bad key and why', () => {
    const bad = valid.replace('https://example.org/feed.xml', 'ftp://example.org/feed.xml');
    expect(problemsOf(bad, { HOOK_SECRET: 'x' })).toEqual(['sources[0].url: not an http(s) URL']);
  });

  it('lists every problem at once', () => {
    const bad = valid
      .replace('pollInterval: 5m', 'pollInterval: soon')
      .replace('brand: nordtel, count: 3', 'brand: nobody, count: 3')
      .replace('channel: hook', 'channel: pager');
    expect(problemsOf(bad)).toEqual([
      'channels[0].secret: environment variable HOOK_SECRET is not set',
      'sources[0].pollInterval: not a duration (use e.g. 30s, 5m, 1h, 1d): "soon"',
    ]);
    expect(problemsOf(bad, { HOOK_SECRET: 'x' })).toEqual(['sources[0].pollInterval: not a duration (use e.g. 30s, 5m, 1h, 1d): "soon"']);
    const crossBad = valid.replace('brand: nordtel, count: 3', 'brand: nobody, count: 3').replace('channel: hook', 'channel: pager');
    expect(problemsOf(crossBad, { HOOK_SECRET: 'x' })).toEqual(['rules[0].brand: unknown brand "nobody"', 'subscriptions[0].channel: unknown channel "pager"']);
  });

  it('reports YAML syntax errors and missing brands', () => {
    expect(problemsOf('brands: [')[0]).toMatch(/^YAML: /);
    expect(problemsOf('sources: []')).toEqual(['brands: Invalid input: expected array, received undefined']);
  });

  it('switches backends from the environment', () => {
    const config = parseConfig(valid, 'x.yaml', { env: { HOOK_SECRET: 'x', KAFKA_BROKERS: 'a:9092,b:9092', ELASTICSEARCH_URL: 'http://127.0.0.1:9200' } });
    expect(config.bus).toMatchObject({ kind: 'kafka', brokers: ['a:9092', 'b:9092'] });
    expect(config.store).toMatchObject({ kind: 'elasticsearch', url: 'http://127.0.0.1:9200' });
  });

  it('reads a scheduled report with its defaults, and names what is wrong with one', () => {
    const withReport = (report: string) => valid.replace('{ channel: hook, brand: nordtel }', `{ channel: hook, brand: nordtel, report: ${report} }`);
    const config = parseConfig(withReport('{ schedule: weekly, timeZone: Europe/Tallinn }'), 'x.yaml', { env: { HOOK_SECRET: 'x' } });
    expect(config.subscriptions[0]!.report).toEqual({ schedule: 'weekly', hour: 9, weekday: 'monday', timeZone: 'Europe/Tallinn' });
    expect(problemsOf(withReport('{ schedule: monthly, hour: 24, timeZone: Mars/Olympus, at: 9 }'), { HOOK_SECRET: 'x' })).toEqual([
      'subscriptions[0].report.at: unknown key; known keys: schedule, hour, weekday, timeZone',
      'subscriptions[0].report.schedule: Invalid option: expected one of "daily"|"weekly"',
      'subscriptions[0].report.hour: an hour from 0 to 23',
      'subscriptions[0].report.timeZone: not a time zone: "Mars/Olympus" (use an IANA name such as Europe/Tallinn or UTC)',
    ]);
    expect(
      problemsOf(withReport('{ schedule: daily }').replace('brand: nordtel, report', 'brand: nordtel, digest: daily, report'), { HOOK_SECRET: 'x' }),
    ).toEqual(['subscriptions[0]: give either digest or report, not both']);
  });
});

// The `earshot` command line as a script sees it, run as a real child process: --version, relative
// --since, and exit codes (0 done, 2 the command line was wrong, 1 anything else failed).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mention } from '../services/alerter/src/testing/mentions.js';
import { REPO_ROOT, runEarshot } from './support/earshot-cli.js';

const DAY = 86_400_000;

describe('earshot CLI contract', () => {
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-cli-'));
    config = join(dir, 'earshot.yaml');
    writeFileSync(
      config,
      `brands:\n  - { id: nordtel, name: Nordtel }\nstore: { kind: sqlite, path: ${JSON.stringify(join(dir, 'store.db'))} }\nbus: { kind: embedded, path: ${JSON.stringify(join(dir, 'bus.db'))} }\n`,
    );
    const store = createSqliteStore({ path: join(dir, 'store.db') });
    await store.init();
    const now = Date.now();
    await store.upsertMentions([
      mention({ id: 'fresh', at: now - 2 * 3_600_000, text: 'Nordtel outage this morning' }),
      mention({ id: 'days-old', at: now - 3 * DAY, text: 'Nordtel outage three days ago' }),
      mention({ id: 'old', at: now - 10 * DAY, text: 'Nordtel outage last month' }),
    ]);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ids = (stdout: string) => (JSON.parse(stdout) as { mentions: { id: string }[] }).mentions.map((m) => m.id).sort();

  it('prints its version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runEarshot(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    ['7d', ['days-old', 'fresh']],
    ['24h', ['fresh']],
    ['30m', []],
  ])('search --since %s counts back from now', async (since, expected) => {
    const result = await runEarshot(['search', '--config', config, '--since', since, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(ids(result.stdout)).toEqual(expected);
  });

  it('still takes an ISO time for --since', async () => {
    const result = await runEarshot(['search', '--config', config, '--since', new Date(Date.now() - 5 * DAY).toISOString(), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(ids(result.stdout)).toEqual(['days-old', 'fresh']);
  });

  it.each([
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown flag', ['search', '--bogus'], /unknown option '--bogus'/],
    ['no command', [], /Usage: earshot/],
    ['a bad --since', ['search', '--since', 'yesterday'], /--since <time>' argument 'yesterday' is invalid.*7d, 24h, 30m/],
    ['a bad --limit', ['search', '--limit', '0'], /--limit <n>.*whole number from 1 to 1000/],
    ['a bad --sentiment', ['search', '--sentiment', 'angry'], /Allowed choices are positive, neutral, negative/],
    ['a missing option value', ['search', '--since'], /option '--since <time>' argument missing/],
  ])('exits 2 with a clear message on %s', async (_name, args, message) => {
    const result = await runEarshot(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 1 when the command line is right but the work fails', async () => {
    const result = await runEarshot(['feeds', 'parse', join(dir, 'no-such-feed.xml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^earshot: .*no-such-feed\.xml/m);
  });
});

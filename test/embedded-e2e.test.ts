// The foundation end to end, as a new user runs it: `earshot run --once` on the bundled demo feeds
// (served by Earshot on loopback), then `earshot search` finds the mentions with language and
// sentiment. A bad feed and a bad config each produce a clear error and the rest keeps working.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '@earshot/store/sqlite';
import { REPO_ROOT, runEarshot } from './support/earshot-cli.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface SearchResult {
  total: number;
  mentions: { id: string; title: string; brandId: string; nlp: { lang: string; sentiment: { label: string } } }[];
}

describe('earshot on the embedded backend with the demo feeds', () => {
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-e2e-'));
    const port = await freePort();
    const demo = readFileSync(join(REPO_ROOT, 'demo/earshot.demo.yaml'), 'utf8')
      .replaceAll('127.0.0.1:4780', `127.0.0.1:${port}`)
      .replace(/port: 4780/, `port: ${port}`)
      .replace('path: data/bus.db', `path: ${join(dir, 'bus.db')}`)
      .replace('path: data/earshot.db', `path: ${join(dir, 'earshot.db')}`);
    // One extra source whose feed does not exist: it must fail alone, with a clear message.
    config = join(dir, 'earshot.yaml');
    writeFileSync(
      config,
      demo.replace(/^sources:\n/m, `sources:\n  - { id: broken, type: rss, url: "http://127.0.0.1:${port}/feeds/missing.xml", allowPrivateNetwork: true }\n`),
    );
  });

  it('collects, understands and stores the demo mentions, then exits 0 with counts', async () => {
    const run = await runEarshot(['run', '--once', '--config', config]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Sources: 7 polled, 1 failed/);
    expect(run.stdout).toMatch(/source broken failed: HTTP 404/);
    const stored = Number(/Stored: (\d+) mentions/.exec(run.stdout)?.[1]);
    expect(stored).toBeGreaterThanOrEqual(20);
  });

  it('groups every stored mention into exactly one story', async () => {
    const store = createSqliteStore({ path: join(dir, 'earshot.db') });
    try {
      const { stories, total } = await store.searchStories({ limit: 1000 });
      const members = stories.flatMap((s) => s.mentionIds);
      expect(total).toBeGreaterThan(0);
      expect(new Set(members).size).toBe(members.length);
      expect(members.length).toBe(await store.count({}));
      expect(stories.reduce((n, s) => n + s.size, 0)).toBe(members.length);
    } finally {
      await store.close();
    }
  });

  it('finds mentions by words in every demo language, with language and sentiment', async () => {
    const search = async (...args: string[]) => {
      const res = await runEarshot(['search', ...args, '--json', '--config', config]);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as SearchResult;
    };
    const ru = await search('цены', '--lang', 'ru');
    expect(ru.total).toBeGreaterThan(0);
    expect(ru.mentions[0]!.title).toBe('Нордтел опять поднял цены'); // decoded from windows-1251
    expect(ru.mentions[0]!.nlp).toMatchObject({ lang: 'ru', sentiment: { label: 'negative' } });

    const langs = new Set((await search('--limit', '100')).mentions.map((m) => m.nlp.lang));
    for (const lang of ['en', 'ru', 'kk', 'he', 'et']) expect(langs).toContain(lang);

    const he = await search('נורדטל', '--sentiment', 'positive');
    expect(he.mentions.map((m) => m.nlp.lang)).toContain('he');

    const none = await search('roundup');
    expect(none.total).toBe(0); // the item that names no brand is not a mention

    const tundra = await search('--brand', 'tundra');
    expect(tundra.total).toBeGreaterThanOrEqual(2);
  });

  it('running again stores nothing twice', async () => {
    const first = await runEarshot(['search', '--json', '--limit', '1', '--config', config]);
    const before = (JSON.parse(first.stdout) as SearchResult).total;
    const again = await runEarshot(['run', '--once', '--json', '--config', config]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout.trim().split('\n').pop()!)).toMatchObject({ mentionsStored: before });
  });

  it('rejects a bad config naming the key and why, and a bad search flag', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(config, 'utf8').replace('url: "http://127.0.0.1', 'url: "ftp://127.0.0.1'));
    const res = await runEarshot(['run', '--once', '--config', bad]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/sources\[0\]\.url: not an http\(s\) URL/);
    const flag = await runEarshot(['search', 'x', '--sentiment', 'angry', '--config', config]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--sentiment <label>' argument 'angry' is invalid\. Allowed choices are positive, neutral, negative/);
  });
});

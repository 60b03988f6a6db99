// `earshot run --once` on many sources of one host: the collector starts a request to a host only
// every collector.perHostInterval (politeness), so the run takes a while. It says so up front, then
// how far it has got every 10 s, on stderr; stdout keeps the --json document alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot } from './support/earshot-cli.js';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.js';
import { nordtelItems } from './support/stored-mentions.js';

const SOURCES = 12;

describe('run --once says how far it has got', () => {
  let server: FeedServer;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    server = await startFeedServer();
    const sources: string[] = [];
    for (let n = 0; n < SOURCES; n++) {
      server.set(`/f${n}.xml`, rssFeed(nordtelItems(2, `f${n}`)));
      sources.push(`  - { id: f${n}, type: rss, url: "${server.url}/f${n}.xml", allowPrivateNetwork: true }`);
    }
    dir = mkdtempSync(join(tmpdir(), 'earshot-progress-'));
    config = join(dir, 'earshot.yaml');
    writeFileSync(
      config,
      `logLevel: silent\nbrands: [{ id: nordtel, name: Nordtel, query: 'Nordtel OR Нордтел OR נורדטל' }]\ncollector: { perHostInterval: 1s }\nsources:\n${sources.join('\n')}\nbus: { kind: embedded, path: "${join(dir, 'bus.db')}" }\nstore: { kind: sqlite, path: "${join(dir, 'store.db')}" }\n`,
    );
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the busy host and the least time it takes, then counts sources polled', async () => {
    const run = await runEarshot(['run', '--once', '--json', '--config', config], { timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `${SOURCES} sources are on 127.0.0.1:${server.port}, whose requests start 1000 ms apart (collector.perHostInterval): collecting takes at least 11 s`,
    );
    expect(run.stderr).toMatch(new RegExp(`collecting: \\d+ of ${SOURCES} sources polled, \\d+ items, \\d+ mentions`));
    expect(JSON.parse(run.stdout)).toMatchObject({ sources: SOURCES, failedSources: 0, items: 2 * SOURCES, mentionsStored: 2 * SOURCES });
  }, 90_000);
});

// `earshot run --once` says what it dropped: items of a feed cut at the nesting limit, JSON Feed
// items of the wrong type, and links that were not http(s) — in the text summary and in --json, whose
// stdout is the JSON alone (the warnings go to stderr).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot } from './support/earshot-cli.js';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.js';

describe('run --once reports dropped items', () => {
  let server: FeedServer;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    server = await startFeedServer();
    const item = (n: number, link = `https://drop.example.org/${n}`) => ({
      guid: `d${n}`,
      title: `Nordtel report ${n}`,
      text: `Nordtel did something (${n}).`,
      link,
    });
    const deep = rssFeed([item(1), item(2), item(3), item(4)]).replace(
      '</item><item>',
      `</item><item><title>Nordtel deep</title><description>${'<x>'.repeat(300)}</description></item><item>`,
    );
    server.set('/deep.xml', deep);
    server.set('/links.xml', rssFeed([item(10, 'javascript:alert(1)'), item(11)]));
    server.set(
      '/feed.json',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'j',
        items: ['x', { id: 'ok', url: 'https://drop.example.org/ok', content_text: 'Nordtel ok' }],
      }),
      'application/feed+json',
    );
    dir = mkdtempSync(join(tmpdir(), 'earshot-dropped-'));
    config = join(dir, 'earshot.yaml');
    const src = (id: string, type: string, path: string) => `  - { id: ${id}, type: ${type}, url: "${server.url}${path}", allowPrivateNetwork: true }`;
    writeFileSync(
      config,
      `logLevel: silent\nbrands: [{ id: nordtel, name: Nordtel }]\nsources:\n${[src('deep', 'rss', '/deep.xml'), src('links', 'rss', '/links.xml'), src('json', 'feed', '/feed.json')].join('\n')}\nbus: { kind: embedded, path: "${join(dir, 'bus.db')}" }\nstore: { kind: sqlite, path: "${join(dir, 'store.db')}" }\n`,
    );
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the counts and which source dropped what', async () => {
    const text = await runEarshot(['run', '--once', '--config', config]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Dropped: 3 items past feed size/nesting limits (not read), 1 items of the wrong type, 1 links that were not http(s)');
    expect(text.stdout).toContain('source deep: 2 items read, 3 not read (feed cut at the size/nesting limit), 0 malformed');
    expect(text.stdout).toContain('source json: 1 items read, 0 not read (feed cut at the size/nesting limit), 1 malformed');
    // With --json, stdout is the JSON document alone (a script pipes it to jq); the warnings are on stderr.
    const json = await runEarshot(['run', '--once', '--json', '--config', config], { env: { LOG_LEVEL: 'warn' } });
    expect(JSON.parse(json.stdout)).toMatchObject({ itemsDropped: { truncated: 3, malformed: 1 }, linksDropped: 1 });
    expect(json.stderr).toContain('feed items dropped');
  });
});

// `earshot feeds parse`: the function behind the command on a file (with and without a
// Content-Type), on a URL served from loopback, and once through the real CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatParseResult, runFeedsParse } from '../../services/earshot/src/commands/feeds-parse.js';
import { runEarshot } from '../support/earshot-cli.js';

const feed = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента</title><item><title>Нордтел</title><link>https://x.example/1</link><guid>1</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

describe('earshot feeds parse', () => {
  let dir: string;
  let file: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-feeds-'));
    file = join(dir, 'feed.xml');
    writeFileSync(file, iconv.encode(feed, 'windows-1251'));
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' }).end(iconv.encode(feed, 'windows-1251')),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('parses a file with the corpus field paths', async () => {
    const result = await runFeedsParse({ target: file });
    expect(JSON.parse(formatParseResult(result).json)).toEqual({
      encoding: 'windows-1251',
      format: 'rss20',
      feed: { title: 'Лента' },
      items: [{ title: 'Нордтел', link: 'https://x.example/1', guid: '1', pubDate: '2026-11-20T10:00:00.000Z' }],
    });
  });

  it('lets --content-type override the document, as an HTTP header would', async () => {
    const result = await runFeedsParse({ target: file, contentType: 'text/xml; charset=koi8-r' });
    expect(result).toMatchObject({ encoding: 'koi8-r' });
  });

  it('fetches a URL the way the collector does: private addresses only when allowed', async () => {
    await expect(runFeedsParse({ target: url })).rejects.toThrow(/private or loopback/);
    expect(await runFeedsParse({ target: url, allowPrivateNetwork: true })).toMatchObject({ encoding: 'windows-1251', feed: { title: 'Лента' } });
  });

  it('prints JSON from the CLI and exits 1 for a rejected document', async () => {
    const ok = await runEarshot(['feeds', 'parse', file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'rss20', feed: { title: 'Лента' } });
    const html = join(dir, 'page.html');
    writeFileSync(html, '<html><body>Document moved</body></html>');
    const bad = await runEarshot(['feeds', 'parse', html]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: expect.stringMatching(/not a feed/) });
  });
});

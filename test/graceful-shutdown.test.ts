// SIGTERM mid-ingestion: `earshot run` stops within its shutdown deadline (default 8 s, under
// Docker's 10 s grace) and loses nothing: after a restart every mention of the feed is stored once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot, startEarshot } from './support/earshot-cli.js';
import { countStored, firstStored, nordtelItems, oneFeedConfig } from './support/stored-mentions.js';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.js';

const ITEMS = 3000;
const DEADLINE_MS = 8000;

describe('graceful shutdown on the embedded backend', () => {
  let server: FeedServer;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/big.xml', rssFeed(nordtelItems(ITEMS, 'term')));
    dir = mkdtempSync(join(tmpdir(), 'earshot-sigterm-'));
    configFile = oneFeedConfig({ dir, sourceId: 'term-feed', feedUrl: `${server.url}/big.xml`, extra: 'api: { port: 0 }\n' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits within the deadline after SIGTERM mid-ingestion, and loses no mention across a restart', async () => {
    const storePath = join(dir, 'store.db');
    const child = startEarshot(['run', '--config', configFile]);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const before = await firstStored(storePath, child);
    expect(before, `nothing stored before SIGTERM: ${stderr}`).toBeGreaterThan(0);
    expect(before, 'SIGTERM came after ingestion had finished: it proves nothing').toBeLessThan(ITEMS);
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - sent;
    console.log(`SIGTERM → exit: ${took} ms (${before} of ${ITEMS} stored at the signal, ${countStored(storePath)} at exit)`);
    expect(took, stdout + stderr).toBeLessThan(DEADLINE_MS);
    expect(code).toBe(0);
    expect(stdout).toContain('SIGTERM: finishing the batches in flight');

    const rerun = await runEarshot(['run', '--once', '--json', '--config', configFile], { timeoutMs: 300_000 });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout.trim().split('\n').pop()!)).toMatchObject({ mentionsStored: ITEMS });
  });
});

// SIGTERM mid-ingestion: `earshot run` stops within its shutdown deadline (default 8 s, under
// Docker's 10 s grace) and loses nothing: after a restart every mention of the feed is stored once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot, startEarshot } from './support/earshot-cli.js';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.js';

const ITEMS = 3000;
const DEADLINE_MS = 8000;
const SENTENCES = [
  'Nordtel raised the price again and support never answered.',
  'Great service from Nordtel today, the engineer was quick.',
  'Нордтел снова задержал доставку роутера.',
  'Nordtel klienditeenindus vastas kiiresti.',
];

function countStored(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('graceful shutdown on the embedded backend', () => {
  let server: FeedServer;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/big.xml', rssFeed(Array.from({ length: ITEMS }, (_, i) => ({ guid: `term-${i}`, title: `Report ${i}`, text: `${SENTENCES[i % SENTENCES.length]} (#${i})`, link: `https://term.example.org/items/${i}` }))));
    dir = mkdtempSync(join(tmpdir(), 'earshot-sigterm-'));
    configFile = join(dir, 'earshot.yaml');
    writeFileSync(
      configFile,
      `logLevel: silent
brands:
  - { id: nordtel, name: Nordtel, query: 'Nordtel OR Нордтел' }
sources:
  - { id: term-feed, type: rss, url: "${server.url}/big.xml", pollInterval: 1h, allowPrivateNetwork: true }
api: { port: 0 }
bus: { kind: embedded, path: "${join(dir, 'bus.db')}" }
store: { kind: sqlite, path: "${join(dir, 'store.db')}" }
`,
    );
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
    const until = Date.now() + 120_000;
    let before = 0;
    while (Date.now() < until && child.exitCode === null) {
      before = countStored(storePath);
      if (before > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
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

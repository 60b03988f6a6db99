// Nothing lost on a crash: the one-process pipeline is SIGKILLed in the middle of a run, started
// again, and every mention ends up stored exactly once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionId } from '@earshot/schema';
import { runEarshot, startEarshot } from './support/earshot-cli.js';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.js';

const ITEMS = 6000;
const SENTENCES = [
  'Nordtel raised the price again and support never answered.',
  'Great service from Nordtel today, the engineer was quick.',
  'Нордтел снова задержал доставку роутера.',
  'Нордтел қызметі жақсы, рахмет.',
  'נורדטל העלו את המחיר שוב.',
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

describe('crash recovery on the embedded backend', () => {
  let server: FeedServer;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    server = await startFeedServer();
    const items = Array.from({ length: ITEMS }, (_, i) => ({
      guid: `crash-${i}`,
      title: `Report ${i}`,
      text: `${SENTENCES[i % SENTENCES.length]} (#${i})`,
      link: `https://crash.example.org/items/${i}`,
    }));
    server.set('/big.xml', rssFeed(items));
    dir = mkdtempSync(join(tmpdir(), 'earshot-crash-'));
    configFile = join(dir, 'earshot.yaml');
    writeFileSync(
      configFile,
      `logLevel: silent
brands:
  - { id: nordtel, name: Nordtel, query: 'Nordtel OR Нордтел OR נורדטל' }
sources:
  - { id: crash-feed, type: rss, url: "${server.url}/big.xml", pollInterval: 1h, allowPrivateNetwork: true }
bus: { kind: embedded, path: "${join(dir, 'bus.db')}" }
store: { kind: sqlite, path: "${join(dir, 'store.db')}" }
`,
    );
  });
  afterAll(async () => server?.close());

  it('stores every mention exactly once after a SIGKILL mid-run and a restart', async () => {
    const storePath = join(dir, 'store.db');
    const child = startEarshot(['run', '--config', configFile]);
    let stderr = '';
    let exited = false;
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + 120_000;
    let before = 0;
    while (Date.now() < deadline && !exited) {
      before = countStored(storePath);
      if (before > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(exited, `earshot exited before the kill: ${stderr}`).toBe(false);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(before, `nothing was stored before the kill; stderr: ${stderr}`).toBeGreaterThan(0);
    expect(before, 'the kill came after the run had finished: it proves nothing').toBeLessThan(ITEMS);

    const rerun = await runEarshot(['run', '--once', '--json', '--config', configFile], { timeoutMs: 300_000 });
    expect(rerun.code, rerun.stderr).toBe(0);
    const summary = JSON.parse(rerun.stdout.trim().split('\n').pop()!) as { mentionsStored: number };
    expect(summary.mentionsStored).toBe(ITEMS);

    const db = new Database(storePath, { readonly: true });
    const ids = new Set((db.prepare('SELECT id FROM mentions').all() as { id: string }[]).map((r) => r.id));
    db.close();
    expect(ids.size).toBe(ITEMS);
    for (const i of [0, 1, 2, 3, 4, 5, 2999, ITEMS - 1]) {
      expect(ids.has(mentionId({ brandId: 'nordtel', sourceId: 'crash-feed', itemId: `crash-${i}` }))).toBe(true);
    }
    const bus = new Database(join(dir, 'bus.db'), { readonly: true });
    const dlq = (bus.prepare("SELECT COUNT(*) AS n FROM messages WHERE topic = 'mentions.dlq'").get() as { n: number }).n;
    bus.close();
    expect(dlq).toBe(0);
  });
});

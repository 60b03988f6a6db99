// Nothing lost on a crash: the one-process pipeline is SIGKILLed in the middle of a run, started
// again, and every mention ends up stored exactly once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionId } from '@earshot/schema';
import { runEarshot, startEarshot } from './support/earshot-cli.js';
import { firstStored, nordtelItems, oneFeedConfig } from './support/stored-mentions.js';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.js';

const ITEMS = 6000;

describe('crash recovery on the embedded backend', () => {
  let server: FeedServer;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/big.xml', rssFeed(nordtelItems(ITEMS, 'crash')));
    dir = mkdtempSync(join(tmpdir(), 'earshot-crash-'));
    configFile = oneFeedConfig({ dir, sourceId: 'crash-feed', feedUrl: `${server.url}/big.xml` });
  });
  afterAll(async () => server?.close());

  it('stores every mention exactly once after a SIGKILL mid-run and a restart', async () => {
    const storePath = join(dir, 'store.db');
    const child = startEarshot(['run', '--config', configFile]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const before = await firstStored(storePath, child);
    expect(child.exitCode, `earshot exited before the kill: ${stderr}`).toBe(null);
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

// A consumer that makes no progress while messages wait must show on /health, not only in the logs:
// a real `earshot indexer` process whose store is locked by another writer cannot store anything,
// its group's lag stays up, and past health.stuckAfter /health answers 503 naming the group; once the
// lock is gone it catches up and /health is 200 again. Embedded backend (no servers needed).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { encodeMessage, TOPICS } from '@earshot/schema';
import { sampleMention } from '@earshot/store/contract';
import { startEarshot } from '../support/earshot-cli.js';
import { oneFeedConfig } from '../support/stored-mentions.js';
import { freePort, waitFor } from '../distributed/support.js';

interface HealthBody {
  status: string;
  details: Record<string, { status: string; details?: Record<string, { lag: number; stuck?: string }> }>;
}

describe('a stuck consumer on /health', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 naming the group while lag does not fall, and 200 again once it catches up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-stuck-'));
    const port = await freePort();
    const config = oneFeedConfig({
      dir,
      sourceId: 'stuck',
      feedUrl: 'http://127.0.0.1:9/none.xml',
      extra: `health: { port: ${port}, lagInterval: 200ms, stuckAfter: 2s }\n`,
    });
    child = startEarshot(['indexer', '--config', config], { env: { LOG_LEVEL: 'silent' } });
    const url = `http://127.0.0.1:${port}/health`;
    const health = async () => {
      const res = await fetch(url);
      return { code: res.status, body: (await res.json()) as HealthBody };
    };
    await waitFor(
      'the indexer answers /health',
      60_000,
      () =>
        health().then(
          (h) => h.code === 200,
          () => false,
        ),
      100,
    );

    // Another writer holds the store: every batch fails (SQLITE_BUSY) and is redelivered.
    const lock = new Database(join(dir, 'store.db'));
    lock.exec('BEGIN EXCLUSIVE');
    const bus = createEmbeddedBus({ path: join(dir, 'bus.db') });
    await bus.publish(
      TOPICS.enriched,
      Array.from({ length: 5 }, (_, i) => ({ key: 'nordtel', value: encodeMessage('mention.enriched', sampleMention(i)) })),
    );
    await bus.close();

    const stuck = await waitFor('/health 503', 30_000, async () => {
      const h = await health();
      return h.code === 503 ? h.body : undefined;
    });
    expect(stuck.status).toBe('error');
    expect(stuck.details['consumer-lag']!.details!['earshot-indexer']).toMatchObject({
      lag: 5,
      stuck: expect.stringMatching(/^no progress for \d+ s with 5 messages waiting$/),
    });

    lock.exec('COMMIT');
    lock.close();
    const recovered = await waitFor('/health 200 after the lock is released', 60_000, async () => {
      const h = await health();
      return h.code === 200 ? h.body : undefined;
    });
    expect(recovered.details['consumer-lag']!.details!['earshot-indexer']!.lag).toBe(0);
  });
});

// The reader threads on a real SQLite file: a query past its deadline is abandoned with a
// QueryLimitError while the main thread keeps running, and the next query gets a fresh reader.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { QueryLimitError } from '../query-errors.js';
import { createSqliteReaders } from './sqlite-readers.js';

// Counts to 200 million in SQL: far more work than any deadline here in the reader thread.
const SLOW = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) SELECT COUNT(*) AS n FROM c';

describe('sqlite readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-readers-'));
  const path = join(dir, 'store.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);');
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('abandons a query at its deadline, keeps the main thread free, and answers the next one', async () => {
    const readers = createSqliteReaders({ path, db, workers: 1, deadlineMs: 1500 });
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const slow = readers.get<{ n: number }>(SLOW, []);
      await expect(slow).rejects.toBeInstanceOf(QueryLimitError);
      await expect(slow).rejects.toThrow(/longer than 1500 ms and was stopped/);
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(5); // timers ran while SQLite was busy
      expect(await readers.all<{ x: number }>('SELECT x FROM t ORDER BY x', [])).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    } finally {
      await readers.close();
    }
  });

  it('refuses reads beyond the queue limit as busy, and reports SQL errors as errors', async () => {
    const readers = createSqliteReaders({ path, db, workers: 1, deadlineMs: 1500, maxQueued: 1 });
    try {
      const running = readers.get(SLOW, []);
      const waiting = readers.get(SLOW, []);
      const refused = readers.get('SELECT 1', []);
      await expect(refused).rejects.toMatchObject({ reason: 'busy' });
      await expect(running).rejects.toMatchObject({ reason: 'timeout' });
      await expect(waiting).rejects.toMatchObject({ reason: 'timeout' });
      await expect(readers.get('SELECT nope FROM t', [])).rejects.toThrow(/sqlite read failed: no such column: nope/);
    } finally {
      await readers.close();
    }
  });
});

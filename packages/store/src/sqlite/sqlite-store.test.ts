import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeContract } from '../contract.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-store-'));
let n = 0;
storeContract('sqlite (FTS5)', {
  create: async () => createSqliteStore({ path: join(dir, `store-${++n}.db`) }),
  createWithBudget: async (queryTimeoutMs) => createSqliteStore({ path: join(dir, `store-${++n}.db`), queryTimeoutMs }),
});

describe('sqlite store upgrades', () => {
  it('counts delivery claims made before claims had a state as delivered', async () => {
    const path = join(dir, 'old-claims.db');
    const old = new Database(path);
    old.exec("CREATE TABLE deliveries (key TEXT PRIMARY KEY, at TEXT NOT NULL); INSERT INTO deliveries VALUES ('hook:a:1', '2026-11-20T10:00:00.000Z')");
    old.close();
    const store = createSqliteStore({ path });
    expect(await store.claimDelivery('hook:a:1', { takeOver: true })).toBe(false);
    expect(await store.claimDelivery('hook:b:1')).toBe(true);
    expect(await store.claimDelivery('hook:b:1', { takeOver: true })).toBe(true);
    await store.close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleMention, storeContract } from '../contract.js';
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

  it('finds text indexed before Hebrew points were folded by the spelling it has, and new text by either', async () => {
    const path = join(dir, 'old-points.db');
    const before = createSqliteStore({ path });
    await before.init();
    await before.upsertMentions([sampleMention(1, { title: 'שָׁלוֹם', text: 'plain' }), sampleMention(2, { title: 'שָׁלוֹם עולם', text: 'plain' })]);
    await before.close();
    // The first row as the store indexed it before: its title with the points on.
    const old = new Database(path);
    old.prepare("UPDATE mentions_fts SET title = 'שָׁלוֹם' WHERE id = 'm0001'").run();
    old.close();
    const store = createSqliteStore({ path });
    const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
    expect(await ids('שָׁלוֹם')).toEqual(['m0001', 'm0002']);
    expect(await ids('שלום')).toEqual(['m0002']); // the old row, until it is written again
    await store.close();
  });
});

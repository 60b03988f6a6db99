import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleMention, storeContract } from '../contract.js';
import { createSqliteStore } from './sqlite-store.js';
import { FOLDED_SEARCH_TEXT_VERSION, refoldSearchText } from './sqlite-refold.js';

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

  it('folds text indexed before Hebrew points were folded once, when it opens the file', async () => {
    const path = join(dir, 'old-points.db');
    const before = createSqliteStore({ path });
    await before.init();
    await before.upsertMentions([sampleMention(1, { title: 'שָׁלוֹם', text: 'plain' }), sampleMention(2, { title: 'שָׁלוֹם עולם', text: 'plain' })]);
    await before.close();
    // The first row as the store indexed it before, its title with the points on, in a file of that time.
    const old = new Database(path);
    old.prepare("UPDATE mentions_fts SET title = 'שָׁלוֹם' WHERE id = 'm0001'").run();
    old.pragma('user_version = 0');
    old.close();
    const store = createSqliteStore({ path });
    const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
    expect(await ids('שָׁלוֹם')).toEqual(['m0001', 'm0002']);
    expect(await ids('שלום')).toEqual(['m0001', 'm0002']);
    await store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(FOLDED_SEARCH_TEXT_VERSION);
    expect(reopened.prepare("SELECT title FROM mentions_fts WHERE id = 'm0001'").pluck().get()).toBe('שלום');
    reopened.close();
  });

  it('folds the search text of mentions and stories once, then leaves the file alone', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE VIRTUAL TABLE mentions_fts USING fts5(id UNINDEXED, title, text, author); CREATE VIRTUAL TABLE stories_fts USING fts5(id UNINDEXED, title, terms)',
    );
    db.prepare('INSERT INTO mentions_fts VALUES (?, ?, ?, ?)').run('m1', 'קָפֶה', 'Café', null);
    db.prepare('INSERT INTO stories_fts VALUES (?, ?, ?)').run('s1', 'שָׁלוֹם', 'מְחִיר');
    expect(refoldSearchText(db)).toBe(2);
    expect(db.prepare('SELECT title, text, author FROM mentions_fts').get()).toEqual({ title: 'קפה', text: 'Cafe', author: null });
    expect(db.prepare('SELECT title, terms FROM stories_fts').get()).toEqual({ title: 'שלום', terms: 'מחיר' });
    db.prepare('INSERT INTO mentions_fts VALUES (?, ?, ?, ?)').run('m2', 'קָפֶה', '', '');
    expect(refoldSearchText(db)).toBe(0); // done once: a row written unfolded afterwards is the writer's to fold
    db.close();
  });

  it('splits a link glued to a word in a file folded before links were split', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE VIRTUAL TABLE mentions_fts USING fts5(id UNINDEXED, title, text, author); CREATE VIRTUAL TABLE stories_fts USING fts5(id UNINDEXED, title, terms)',
    );
    db.prepare('INSERT INTO mentions_fts VALUES (?, ?, ?, ?)').run('m1', 'Ипотека', 'Ипотека в Сбербанкhttp://t.co/abc', null);
    db.prepare('INSERT INTO mentions_fts VALUES (?, ?, ?, ?)').run('m2', 'Cafe', 'no link here', null);
    db.pragma('user_version = 1');
    expect(refoldSearchText(db)).toBe(1);
    expect(db.prepare("SELECT text FROM mentions_fts WHERE id = 'm1'").pluck().get()).toBe('Ипотека в Сбербанк http://t.co/abc');
    expect(db.prepare("SELECT id FROM mentions_fts WHERE mentions_fts MATCH 'сбербанк'").pluck().all()).toEqual(['m1']);
    db.close();
  });

  it('reads a word typed in two scripts in one, in a file folded before such words were', async () => {
    const path = join(dir, 'old-scripts.db');
    const before = createSqliteStore({ path });
    await before.init();
    await before.upsertMentions([
      sampleMention(1, { title: 'Отзыв', text: 'Кaспи снова не работает' }),
      sampleMention(2, { title: 'Отзыв', text: 'Каспи работает' }),
    ]);
    await before.close();
    // "Кaспи" (a Latin a) as the store indexed it before, in a file of that time.
    const old = new Database(path);
    old.prepare("UPDATE mentions_fts SET text = 'Кaспи снова не работает' WHERE id = 'm0001'").run();
    old.pragma('user_version = 2');
    old.close();
    const store = createSqliteStore({ path });
    const ids = async (text: string) => (await store.search({ text })).mentions.map((m) => m.id).sort();
    expect(await ids('Каспи')).toEqual(['m0001', 'm0002']);
    expect(await ids('Кaспи')).toEqual(['m0001', 'm0002']);
    await store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.prepare("SELECT text FROM mentions_fts WHERE id = 'm0001'").pluck().get()).toBe('каспи снова не работает');
    reopened.close();
  });
});

// Stories in the embedded store: one row per story with the columns it is filtered and sorted on, a
// language table for the language filter, and an FTS5 table over title and key terms — so the
// SQLite adapter answers StoryQuery as the Elasticsearch one does. Searches run in the reader
// threads under the query deadline, like searches of mentions (sqlite-readers.ts).
import type Database from 'better-sqlite3';
import type { Story } from '@earshot/schema';
import { parseTextQuery, searchText, toFts5 } from '../fts-query.js';
import type { StoryQuery, StorySearchResult } from '../port.js';
import type { SqliteReaders } from './sqlite-readers.js';
import { sqlWhere } from './sql-where.js';
import { asList, toEpochMs } from '../time.js';

export const STORY_SCHEMA = `
  CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, brand_id TEXT NOT NULL, size INTEGER NOT NULL, first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL, sentiment TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS stories_brand_last ON stories (brand_id, last_seen);
  CREATE TABLE IF NOT EXISTS story_langs (story_id TEXT NOT NULL, lang TEXT NOT NULL, PRIMARY KEY (story_id, lang)) WITHOUT ROWID;
  CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(id UNINDEXED, title, terms, tokenize = 'unicode61 remove_diacritics 2');
`;

export interface SqliteStories {
  upsert(stories: Story[]): void;
  get(id: string): Story | undefined;
  search(query: StoryQuery): Promise<StorySearchResult>;
}

export function createSqliteStories(db: Database.Database, readers: SqliteReaders): SqliteStories {
  const upsertRow = db.prepare(`INSERT INTO stories (id, brand_id, size, first_seen, last_seen, sentiment, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET brand_id = excluded.brand_id, size = excluded.size, first_seen = excluded.first_seen,
      last_seen = excluded.last_seen, sentiment = excluded.sentiment, doc = excluded.doc
    WHERE excluded.size >= stories.size`);
  const deleteLangs = db.prepare('DELETE FROM story_langs WHERE story_id = ?');
  const insertLang = db.prepare('INSERT OR IGNORE INTO story_langs (story_id, lang) VALUES (?, ?)');
  const deleteFts = db.prepare('DELETE FROM stories_fts WHERE id = ?');
  const insertFts = db.prepare('INSERT INTO stories_fts (id, title, terms) VALUES (?, ?, ?)');
  const writeMany = db.transaction((stories: Story[]) => {
    for (const s of stories) {
      // A story only grows: an older copy (a writer that had not seen the latest members) is ignored.
      if (upsertRow.run(s.id, s.brandId, s.size, Date.parse(s.firstSeen), Date.parse(s.lastSeen), s.dominantSentiment, JSON.stringify(s)).changes === 0)
        continue;
      deleteLangs.run(s.id);
      for (const lang of Object.keys(s.languages)) insertLang.run(s.id, lang);
      deleteFts.run(s.id);
      insertFts.run(s.id, searchText(s.title), searchText(s.keyTerms.join(' ')));
    }
  });
  const parse = (row: { doc: string }) => JSON.parse(row.doc) as Story;

  return {
    upsert: (stories) => writeMany(stories),
    get(id) {
      const row = db.prepare<[string], { doc: string }>('SELECT doc FROM stories WHERE id = ?').get(id);
      return row ? parse(row) : undefined;
    },
    async search(query) {
      const params: unknown[] = [];
      const w = sqlWhere(params);
      let from = 'stories s';
      if (query.text) {
        const match = toFts5(parseTextQuery(query.text));
        if (!match) return { total: 0, stories: [] };
        from = 'stories_fts f JOIN stories s ON s.id = f.id';
        w.add('stories_fts MATCH ?', match);
      }
      w.in('s.brand_id', asList(query.brandId));
      w.in('s.sentiment', asList(query.sentiment));
      w.existsIn((list) => `SELECT 1 FROM story_langs l WHERE l.story_id = s.id AND l.lang IN (${list})`, asList(query.lang));
      w.bound('s.last_seen >= ?', toEpochMs(query.from));
      w.bound('s.first_seen < ?', toEpochMs(query.to));
      w.bound('s.size >= ?', query.minSize);
      const where = w.sql();
      const order = query.sort === 'size' ? 's.size DESC, s.last_seen DESC, s.id' : 's.last_seen DESC, s.id';
      const limit = Math.min(Math.max(query.limit ?? 20, 0), 1000);
      const offset = Math.max(query.offset ?? 0, 0);
      const [counted, rows] = await Promise.all([
        readers.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, params),
        readers.all<{ doc: string }>(`SELECT s.doc FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]),
      ]);
      return { total: counted?.n ?? 0, stories: rows.map(parse) };
    },
  };
}

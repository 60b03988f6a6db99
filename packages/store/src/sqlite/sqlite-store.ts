// The embedded store: enriched mentions, alerts and small state in one SQLite file, with FTS5 for
// full-text search (unicode61 tokenizer: Latin, Cyrillic, Kazakh and Hebrew letters alike).
// Writes and point lookups run on the main connection; searches (of mentions and stories), counts
// and aggregations run in read-only worker threads with a deadline (sqlite-readers.ts), so no query can freeze the process.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { mentionTime, UNRECORDED_MATCHED_BY, type Alert, type EnrichedMention, type Story } from '@earshot/schema';
import { parseTextQuery, searchText, toFts5 } from '../fts-query.js';
import { refoldSearchText } from './sqlite-refold.js';
import { sqliteFingerprints } from './sqlite-fingerprints.js';
import { createSqliteReaders } from './sqlite-readers.js';
import { sqlWhere } from './sql-where.js';
import type { AggregateBucket, AggregateQuery, AlertQuery, GroupField, MentionFilter, MentionStore, SearchQuery, Silence, WriteResult } from '../port.js';
import { createSqliteStories, STORY_SCHEMA } from './sqlite-stories.js';
import { asList, toEpochMs } from '../time.js';
import { createZone, zonedBucketStart, type Zone } from '../time-zone.mjs';

export interface SqliteStoreOptions {
  /** SQLite file, or ':memory:' for tests (reads then run on the main thread). */
  path: string;
  /** Longest a search, count or aggregation may take, waiting for a reader included (default 5 s). */
  queryTimeoutMs?: number;
  /** Reader threads (default: one per spare core, at least 1, at most 2). */
  readers?: number;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 5000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY, brand_id TEXT NOT NULL, source_id TEXT NOT NULL, source_type TEXT, url TEXT,
    title TEXT, text TEXT, author TEXT, lang TEXT, sentiment TEXT, sentiment_score REAL,
    warning INTEGER NOT NULL DEFAULT 0, recommendation INTEGER NOT NULL DEFAULT 0,
    ts INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS mentions_brand_ts ON mentions (brand_id, ts);
  CREATE INDEX IF NOT EXISTS mentions_ts ON mentions (ts);
  CREATE TABLE IF NOT EXISTS mention_topics (mention_id TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (mention_id, topic)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS mention_topics_topic ON mention_topics (topic);
  CREATE VIRTUAL TABLE IF NOT EXISTS mentions_fts USING fts5(id UNINDEXED, title, text, author, tokenize = 'unicode61 remove_diacritics 2');
  CREATE TABLE IF NOT EXISTS alerts (key TEXT PRIMARY KEY, brand_id TEXT, state TEXT, updated_at TEXT, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, until TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS deliveries (key TEXT PRIMARY KEY, at TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'sending');
  CREATE TABLE IF NOT EXISTS state (namespace TEXT, key TEXT, value TEXT, PRIMARY KEY (namespace, key));
`;

const COLUMN: Record<Exclude<GroupField, 'topic'>, string> = {
  brandId: 'm.brand_id',
  sentiment: 'm.sentiment',
  sourceId: 'm.source_id',
  lang: 'm.lang',
  author: 'm.author',
};

export function createSqliteStore(options: SqliteStoreOptions): MentionStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  db.exec(STORY_SCHEMA);
  refoldSearchText(db);
  // Local-time histogram buckets: SQLite has no time-zone database, so it asks ours.
  const zones = new Map<string, Zone>();
  const zoneNamed = (name: string) => zones.get(name) ?? zones.set(name, createZone(name)).get(name)!;
  db.function('zoned_bucket', { deterministic: true }, (ts: unknown, interval: unknown, zone: unknown) =>
    zonedBucketStart(zoneNamed(String(zone)), Number(ts), Number(interval)),
  );
  const readers = createSqliteReaders({
    path: options.path,
    db,
    workers: options.readers ?? Math.max(1, Math.min(2, availableParallelism() - 1)),
    deadlineMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
  });
  const stories = createSqliteStories(db, readers);
  // Claims made before deliveries had a state were recorded as they were sent: count them as delivered.
  const deliveryColumns = db.prepare<[], { name: string }>('PRAGMA table_info(deliveries)').all();
  if (!deliveryColumns.some((c) => c.name === 'state')) db.exec("ALTER TABLE deliveries ADD COLUMN state TEXT NOT NULL DEFAULT 'delivered'");

  const upsert = db.prepare(`INSERT INTO mentions (id, brand_id, source_id, source_type, url, title, text, author, lang, sentiment,
      sentiment_score, warning, recommendation, ts, doc)
    VALUES (@id, @brandId, @sourceId, @sourceType, @url, @title, @text, @author, @lang, @sentiment, @score, @warning, @recommendation, @ts, @doc)
    ON CONFLICT (id) DO UPDATE SET brand_id = excluded.brand_id, source_id = excluded.source_id, source_type = excluded.source_type,
      url = excluded.url, title = excluded.title, text = excluded.text, author = excluded.author, lang = excluded.lang,
      sentiment = excluded.sentiment, sentiment_score = excluded.sentiment_score, warning = excluded.warning,
      recommendation = excluded.recommendation, ts = excluded.ts, doc = excluded.doc`);
  const deleteTopics = db.prepare('DELETE FROM mention_topics WHERE mention_id = ?');
  const insertTopic = db.prepare('INSERT OR IGNORE INTO mention_topics (mention_id, topic) VALUES (?, ?)');
  // The FTS table's id is not indexed: deleting by it scans the whole table, so only a replay
  // (a mention already stored) pays for it — new mentions skip it, keeping writes linear.
  const exists = db.prepare<[string], number>('SELECT 1 FROM mentions WHERE id = ?').pluck();
  const deleteFts = db.prepare('DELETE FROM mentions_fts WHERE id = ?');
  const insertFts = db.prepare('INSERT INTO mentions_fts (id, title, text, author) VALUES (?, ?, ?, ?)');

  const writeMany = db.transaction((mentions: EnrichedMention[]) => {
    for (const m of mentions) {
      const replay = exists.get(m.id) !== undefined;
      upsert.run({
        id: m.id,
        brandId: m.brandId,
        sourceId: m.sourceId,
        sourceType: m.sourceType,
        url: m.url,
        title: m.title,
        text: m.text,
        author: m.author ?? null,
        lang: m.nlp.lang,
        sentiment: m.nlp.sentiment.label,
        score: m.nlp.sentiment.score,
        warning: m.nlp.signals.warning ? 1 : 0,
        recommendation: m.nlp.signals.recommendation ? 1 : 0,
        ts: mentionTime(m),
        doc: JSON.stringify(m),
      });
      deleteTopics.run(m.id);
      for (const t of m.nlp.topics) insertTopic.run(m.id, t.topic);
      if (replay) deleteFts.run(m.id);
      insertFts.run(m.id, searchText(m.title), searchText(m.text), searchText(m.author ?? ''));
    }
  });

  function where(filter: MentionFilter, params: unknown[]): string {
    const w = sqlWhere(params);
    w.in('m.brand_id', asList(filter.brandId));
    w.in('m.sentiment', asList(filter.sentiment));
    w.in('m.lang', asList(filter.lang));
    w.in('m.source_id', asList(filter.sourceId));
    w.in('m.author', asList(filter.author));
    w.existsIn((list) => `SELECT 1 FROM mention_topics t WHERE t.mention_id = m.id AND t.topic IN (${list})`, asList(filter.topic));
    // A mention written before `matchedBy` existed has none (matchedByOf); the constant is one of the schema's closed list.
    w.in(`COALESCE(json_extract(m.doc, '$.matchedBy'), '${UNRECORDED_MATCHED_BY}')`, asList(filter.matchedBy));
    w.in(`json_extract(m.doc, '$.brandAccount')`, asList(filter.brandAccount));
    const excluded = asList(filter.excludeBrandAccount);
    if (excluded?.length) w.add(`COALESCE(json_extract(m.doc, '$.brandAccount'), '') NOT IN (${excluded.map(() => '?').join(', ')})`, ...excluded);
    w.in(`json_extract(m.doc, '$.shortened')`, asList(filter.shortened));
    if (filter.signal === 'warning') w.add('m.warning = 1');
    if (filter.signal === 'recommendation') w.add('m.recommendation = 1');
    w.bound('m.ts >= ?', toEpochMs(filter.from));
    w.bound('m.ts < ?', toEpochMs(filter.to));
    return w.sql();
  }

  const parseDoc = (row: { doc: string }) => JSON.parse(row.doc) as EnrichedMention;

  return {
    kind: 'sqlite',
    ...sqliteFingerprints(db),
    async init() {},
    async upsertMentions(mentions): Promise<WriteResult> {
      writeMany(mentions);
      return { written: mentions.length, rejected: [] };
    },
    async getMention(id) {
      const row = db.prepare<[string], { doc: string }>('SELECT doc FROM mentions WHERE id = ?').get(id);
      return row ? parseDoc(row) : undefined;
    },
    async search(query: SearchQuery) {
      const params: unknown[] = [];
      const limit = Math.min(Math.max(query.limit ?? 20, 0), 1000);
      const offset = Math.max(query.offset ?? 0, 0);
      const match = query.text ? toFts5(parseTextQuery(query.text)) : '';
      let from = 'mentions m';
      let order = 'm.ts DESC, m.id';
      if (match) {
        from = 'mentions_fts f JOIN mentions m ON m.id = f.id';
        params.push(match);
        if (query.sort === 'relevance') order = 'bm25(mentions_fts), m.ts DESC';
      } else if (query.text) {
        return { total: 0, mentions: [] };
      }
      const filterSql = where(query, params);
      const condition = match ? `mentions_fts MATCH ? AND ${filterSql}` : filterSql;
      const [counted, rows] = await Promise.all([
        readers.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${condition}`, params),
        readers.all<{ doc: string }>(`SELECT m.doc FROM ${from} WHERE ${condition} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]),
      ]);
      return { total: counted?.n ?? 0, mentions: rows.map(parseDoc) };
    },
    async count(filter) {
      const params: unknown[] = [];
      return (await readers.get<{ n: number }>(`SELECT COUNT(*) AS n FROM mentions m WHERE ${where(filter, params)}`, params))?.n ?? 0;
    },
    async aggregate(query: AggregateQuery): Promise<AggregateBucket[]> {
      if (query.groupBy.length > 2) throw new RangeError('aggregate: group by at most two fields');
      const params: unknown[] = [];
      const select: string[] = [];
      const group: string[] = [];
      if (query.interval) {
        if (!(query.interval > 0)) throw new RangeError('aggregate: interval must be positive');
        const width = Math.floor(query.interval);
        if (query.timeZone) {
          zoneNamed(query.timeZone); // an unknown zone is a RangeError here, not in the middle of the query
          select.push('zoned_bucket(m.ts, ?, ?) AS time');
          params.push(width, query.timeZone);
        } else select.push(`(m.ts / ${width}) * ${width} AS time`);
        group.push('time');
      }
      let join = '';
      for (const field of query.groupBy) {
        const column = field === 'topic' ? 'mt.topic' : COLUMN[field];
        if (field === 'topic') join = 'JOIN mention_topics mt ON mt.mention_id = m.id';
        select.push(`${column} AS "${field}"`);
        group.push(`"${field}"`);
      }
      const size = Math.min(query.size ?? 100, 10_000);
      const sql = `SELECT ${[...select, 'COUNT(*) AS count'].join(', ')} FROM mentions m ${join} WHERE ${where(query.filter, params)}
        ${group.length ? `GROUP BY ${group.join(', ')}` : ''} ORDER BY ${query.interval ? 'time, ' : ''}count DESC LIMIT ${size}`;
      const rows = await readers.all<Record<string, string | number | null>>(sql, params);
      return rows.map((row) => {
        const keys: AggregateBucket['keys'] = {};
        for (const field of query.groupBy) keys[field] = row[field] == null ? '' : String(row[field]);
        return { ...(query.interval ? { time: Number(row.time) } : {}), keys, count: Number(row.count) };
      });
    },
    async upsertAlert(alert: Alert) {
      db.prepare(
        `INSERT INTO alerts (key, brand_id, state, updated_at, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET brand_id = excluded.brand_id, state = excluded.state, updated_at = excluded.updated_at, doc = excluded.doc`,
      ).run(alert.key, alert.brandId, alert.state, alert.updatedAt, JSON.stringify(alert));
    },
    async getAlert(key) {
      const row = db.prepare<[string], { doc: string }>('SELECT doc FROM alerts WHERE key = ?').get(key);
      return row ? (JSON.parse(row.doc) as Alert) : undefined;
    },
    async listAlerts(query: AlertQuery) {
      const params: unknown[] = [];
      const clauses: string[] = [];
      if (query.brandId) {
        clauses.push('brand_id = ?');
        params.push(query.brandId);
      }
      if (query.state) {
        clauses.push('state = ?');
        params.push(query.state);
      }
      const rows = db
        .prepare<unknown[], { doc: string }>(
          `SELECT doc FROM alerts ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY updated_at DESC LIMIT ?`,
        )
        .all(...params, Math.min(query.limit ?? 100, 1000));
      return rows.map((r) => JSON.parse(r.doc) as Alert);
    },
    upsertStories: async (list: Story[]) => stories.upsert(list),
    getStory: async (id) => stories.get(id),
    searchStories: (query) => stories.search(query),
    async addSilence(silence: Silence) {
      db.prepare('INSERT INTO silences (id, until, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET until = excluded.until, doc = excluded.doc').run(
        silence.id,
        silence.until,
        JSON.stringify(silence),
      );
    },
    async listSilences(activeAt) {
      const rows = activeAt
        ? db.prepare<[string], { doc: string }>('SELECT doc FROM silences WHERE until > ? ORDER BY until').all(activeAt)
        : db.prepare<[], { doc: string }>('SELECT doc FROM silences ORDER BY until').all();
      return rows.map((r) => JSON.parse(r.doc) as Silence);
    },
    async claimDelivery(key, claimOptions = {}) {
      const at = new Date().toISOString();
      if (claimOptions.takeOver) {
        return (
          db
            .prepare(
              `INSERT INTO deliveries (key, at, state) VALUES (?, ?, 'sending')
          ON CONFLICT (key) DO UPDATE SET at = excluded.at WHERE deliveries.state <> 'delivered'`,
            )
            .run(key, at).changes === 1
        );
      }
      return db.prepare("INSERT OR IGNORE INTO deliveries (key, at, state) VALUES (?, ?, 'sending')").run(key, at).changes === 1;
    },
    async completeDelivery(key) {
      db.prepare(
        `INSERT INTO deliveries (key, at, state) VALUES (?, ?, 'delivered')
        ON CONFLICT (key) DO UPDATE SET at = excluded.at, state = 'delivered'`,
      ).run(key, new Date().toISOString());
    },
    async releaseDelivery(key) {
      db.prepare("DELETE FROM deliveries WHERE key = ? AND state <> 'delivered'").run(key);
    },
    async getState<T>(namespace: string, key: string) {
      const row = db.prepare<[string, string], { value: string }>('SELECT value FROM state WHERE namespace = ? AND key = ?').get(namespace, key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async setState<T>(namespace: string, key: string, value: T) {
      db.prepare('INSERT INTO state (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value').run(
        namespace,
        key,
        JSON.stringify(value),
      );
    },
    async close() {
      await readers.close();
      db.close();
    },
  };
}

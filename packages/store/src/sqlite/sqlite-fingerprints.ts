// The collector's near-duplicate fingerprints in the embedded store: one small table, newest first
// by the time each was seen, bounded by the collector's prune (by age and by count).
import type Database from 'better-sqlite3';
import type { FingerprintRecord, StateStore } from '../port.js';

export const FINGERPRINT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS fingerprints (brand_id TEXT NOT NULL, id TEXT NOT NULL, hi INTEGER NOT NULL, lo INTEGER NOT NULL,
    duplicate_of TEXT, seen_at INTEGER NOT NULL, PRIMARY KEY (brand_id, id));
  CREATE INDEX IF NOT EXISTS fingerprints_seen ON fingerprints (seen_at);
`;

type FingerprintMethods = Pick<StateStore, 'saveFingerprints' | 'recentFingerprints' | 'pruneFingerprints'>;

interface Row {
  brand_id: string;
  id: string;
  hi: number;
  lo: number;
  duplicate_of: string | null;
  seen_at: number;
}

export function sqliteFingerprints(db: Database.Database): FingerprintMethods {
  db.exec(FINGERPRINT_SCHEMA);
  const upsert = db.prepare(`INSERT INTO fingerprints (brand_id, id, hi, lo, duplicate_of, seen_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (brand_id, id) DO UPDATE SET hi = excluded.hi, lo = excluded.lo, duplicate_of = excluded.duplicate_of, seen_at = excluded.seen_at`);
  const saveMany = db.transaction((records: FingerprintRecord[]) => {
    for (const r of records) upsert.run(r.brandId, r.id, r.hi, r.lo, r.duplicateOf ?? null, Date.parse(r.seenAt));
  });
  const recent = db.prepare<[number, number], Row>('SELECT * FROM fingerprints WHERE seen_at >= ? ORDER BY seen_at DESC, rowid DESC LIMIT ?');
  const pruneOld = db.prepare<[number]>('DELETE FROM fingerprints WHERE seen_at < ?');
  const pruneExtra = db.prepare<[number]>(
    'DELETE FROM fingerprints WHERE rowid IN (SELECT rowid FROM fingerprints ORDER BY seen_at DESC, rowid DESC LIMIT -1 OFFSET ?)',
  );
  return {
    async saveFingerprints(records) {
      saveMany(records);
    },
    async recentFingerprints({ since, limit }) {
      return recent.all(Date.parse(since), Math.max(0, limit)).map((r) => ({
        brandId: r.brand_id,
        id: r.id,
        hi: r.hi,
        lo: r.lo,
        ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}),
        seenAt: new Date(r.seen_at).toISOString(),
      }));
    },
    async pruneFingerprints({ before, keep }) {
      return pruneOld.run(Date.parse(before)).changes + pruneExtra.run(Math.max(0, keep)).changes;
    },
  };
}

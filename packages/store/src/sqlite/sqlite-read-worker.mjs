// The body of a SQLite read worker (see sqlite-readers.ts): its own read-only connection to the
// store file, running one statement at a time off the main thread. Plain JavaScript because a
// worker thread does not inherit the TypeScript loader the main thread runs under. It registers the
// same SQL functions as the main connection (sqlite-store.ts), from the same plain-JS module.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createZone, zonedBucketStart } from '../time-zone.mjs';

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// Local-time histogram buckets: SQLite has no time-zone database, so it asks ours.
const zones = new Map();
const zoneNamed = (name) => zones.get(name) ?? zones.set(name, createZone(name)).get(name);
db.function('zoned_bucket', { deterministic: true }, (ts, interval, zone) => zonedBucketStart(zoneNamed(String(zone)), Number(ts), Number(interval)));

parentPort.on('message', (job) => {
  try {
    const statement = db.prepare(job.sql);
    const result = job.mode === 'get' ? statement.get(...job.params) : statement.all(...job.params);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({ id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});

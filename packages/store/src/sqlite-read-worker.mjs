// The body of a SQLite read worker (see sqlite-readers.ts): its own read-only connection to the
// store file, running one statement at a time off the main thread. Plain JavaScript because a
// worker thread does not inherit the TypeScript loader the main thread runs under.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort.on('message', (job) => {
  try {
    const statement = db.prepare(job.sql);
    const result = job.mode === 'get' ? statement.get(...job.params) : statement.all(...job.params);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({ id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});

// Where the SQLite store runs its searches, counts and aggregations: in worker threads, each with
// its own read-only connection, so a slow query never blocks the main thread (the HTTP server,
// the stages, the writer). Each read has a deadline counted from when it was asked; a read still
// waiting then is dropped, and one still running is abandoned — the caller gets a QueryLimitError
// at once, the worker is terminated (it ends when SQLite hands control back) and a fresh one
// takes its place. The threads start with the store. Reads beyond `maxQueued` waiting are refused as busy. An in-memory database
// cannot be shared with another thread: there the reads run inline on the main connection.
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { QueryLimitError } from '../query-errors.js';

export interface SqliteReaders {
  get<T>(sql: string, params: unknown[]): Promise<T | undefined>;
  all<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface SqliteReadersOptions {
  /** The store file (':memory:' reads inline on `db`). */
  path: string;
  db: Database;
  /** Worker threads (default 2). */
  workers: number;
  /** Longest a read may take, waiting included (ms). */
  deadlineMs: number;
  /** Reads allowed to wait for a worker before more are refused as busy (default 64). */
  maxQueued?: number;
}

type Mode = 'get' | 'all';

interface Job {
  id: number;
  mode: Mode;
  sql: string;
  params: unknown[];
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

const WORKER_URL = new URL('./sqlite-read-worker.mjs', import.meta.url);

export function createSqliteReaders(options: SqliteReadersOptions): SqliteReaders {
  if (options.path === ':memory:') return inlineReaders(options.db);
  const maxQueued = options.maxQueued ?? 64;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: { path: options.path } });
    worker.unref();
    const slot: Slot = { worker, job: undefined };
    worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      finish(slot);
      clearTimeout(job.timer);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new Error(`sqlite read failed: ${reply.message}`));
    });
    const lost = (reason: string) => {
      if (!slots.delete(slot)) return;
      const job = slot.job;
      if (job) {
        clearTimeout(job.timer);
        job.reject(new Error(`sqlite read failed: ${reason}`));
      }
      pump();
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`reader exited with code ${code}`));
    slots.add(slot);
    return slot;
  }

  /** The slot is idle again: it no longer keeps the process alive, and takes the next read. */
  function finish(slot: Slot) {
    slot.job = undefined;
    slot.worker.unref();
    pump();
  }

  function pump() {
    while (queue.length && !closed) {
      let slot = [...slots].find((s) => !s.job);
      if (!slot && slots.size < options.workers) slot = spawn();
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, mode: job.mode, sql: job.sql, params: job.params });
    }
  }

  function expire(job: Job) {
    const waiting = queue.indexOf(job);
    if (waiting >= 0) queue.splice(waiting, 1);
    for (const slot of slots) {
      if (slot.job !== job) continue;
      // Abandoned: the caller is answered now; the thread ends when SQLite returns to it.
      slots.delete(slot);
      void slot.worker.terminate();
      pump();
    }
    job.reject(QueryLimitError.timeout(options.deadlineMs));
  }

  function run<T>(mode: Mode, sql: string, params: unknown[]): Promise<T> {
    if (closed) return Promise.reject(new Error('store is closed'));
    if (queue.length >= maxQueued) return Promise.reject(new QueryLimitError(`too many queries waiting (${maxQueued}); try again shortly`, 'busy'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id: ++nextId,
        mode,
        sql,
        params,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: setTimeout(() => expire(job), options.deadlineMs),
      };
      queue.push(job);
      pump();
    });
  }

  // Started now, not at the first query: loading a thread is work best done before anyone waits.
  while (slots.size < options.workers) spawn();

  return {
    get: <T>(sql: string, params: unknown[]) => run<T | undefined>('get', sql, params),
    all: <T>(sql: string, params: unknown[]) => run<T[]>('all', sql, params),
    async close() {
      closed = true;
      for (const job of [...queue.splice(0), ...[...slots].flatMap((s) => (s.job ? [s.job] : []))]) {
        clearTimeout(job.timer);
        job.reject(new Error('store is closed'));
      }
      const workers = [...slots].map((s) => s.worker);
      slots.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function inlineReaders(db: Database): SqliteReaders {
  return {
    get: async <T>(sql: string, params: unknown[]) => db.prepare<unknown[], T>(sql).get(...params),
    all: async <T>(sql: string, params: unknown[]) => db.prepare<unknown[], T>(sql).all(...params),
    async close() {},
  };
}

// The embedded bus: Kafka's model (topics, partitions, offsets, consumer groups, commit after ack)
// in one process, kept in a SQLite file so a crash loses nothing: a message is in the file before
// publish() resolves, and a group's offset moves only after its handler resolved (and only past
// the messages it acknowledged; a tail keeps its place in memory only). Consumers in this process
// are woken at once on publish; a slow poll also picks up other writers to the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backoffDelay, sleep } from '@earshot/core';
import { acknowledgedCount } from '../partial-ack.js';
import { partitionFor } from '../partition.js';
import { DEFAULT_MAX_BATCH_SIZE, type BatchHandler, type Bus, type BusMessage, type OutgoingMessage, type Subscription, type TopicSpec } from '../port.js';

/** Where a reader is in each partition: a group's commits in the file, or a tail's place in memory. */
interface Cursor {
  at(partition: number): number;
  advance(partition: number, next: number): void;
  /** A group gets a failed batch again; a tail moves on. */
  redeliver: boolean;
}

interface Reader {
  topic: string;
  handler: BatchHandler;
  maxBatchSize?: number;
  cursor: Cursor;
}

export interface EmbeddedBusOptions {
  /** SQLite file, or ':memory:' for tests. */
  path: string;
  /** Partitions for topics created implicitly by publish. */
  defaultPartitions?: number;
  /** Messages older than this are deleted when the bus closes. */
  retentionMs?: number;
  /** How often idle consumers look for messages written by other processes. */
  pollIntervalMs?: number;
}

interface MessageRow {
  partition: number;
  offset: number;
  key: string;
  value: Buffer;
  headers: string;
  ts: number;
}

export function createEmbeddedBus(options: EmbeddedBusOptions): Bus {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS topics (name TEXT PRIMARY KEY, partitions INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS partitions (topic TEXT, partition INTEGER, next_offset INTEGER NOT NULL,
      PRIMARY KEY (topic, partition));
    CREATE TABLE IF NOT EXISTS messages (topic TEXT, partition INTEGER, offset INTEGER, key TEXT, value BLOB,
      headers TEXT, ts INTEGER, PRIMARY KEY (topic, partition, offset)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS commits (group_id TEXT, topic TEXT, partition INTEGER, offset INTEGER NOT NULL,
      PRIMARY KEY (group_id, topic, partition));
  `);
  const defaultPartitions = options.defaultPartitions ?? 4;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const waiters = new Map<string, Set<() => void>>();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const getTopic = db.prepare<[string], { partitions: number }>('SELECT partitions FROM topics WHERE name = ?');
  const insertTopic = db.prepare('INSERT OR IGNORE INTO topics (name, partitions) VALUES (?, ?)');
  const insertPartition = db.prepare('INSERT OR IGNORE INTO partitions (topic, partition, next_offset) VALUES (?, ?, 0)');
  const nextOffset = db.prepare<[string, number], { next_offset: number }>('SELECT next_offset FROM partitions WHERE topic = ? AND partition = ?');
  const bumpOffset = db.prepare('UPDATE partitions SET next_offset = ? WHERE topic = ? AND partition = ?');
  const insertMessage = db.prepare('INSERT INTO messages (topic, partition, offset, key, value, headers, ts) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const readBatch = db.prepare<[string, number, number, number], MessageRow>(
    'SELECT partition, offset, key, value, headers, ts FROM messages WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?',
  );
  const getCommit = db.prepare<[string, string, number], { offset: number }>('SELECT offset FROM commits WHERE group_id = ? AND topic = ? AND partition = ?');
  const setCommit = db.prepare(
    'INSERT INTO commits (group_id, topic, partition, offset) VALUES (?, ?, ?, ?) ON CONFLICT (group_id, topic, partition) DO UPDATE SET offset = excluded.offset',
  );

  const ensureTopic = db.transaction((name: string, partitions: number): number => {
    const existing = getTopic.get(name);
    if (existing) return existing.partitions;
    insertTopic.run(name, partitions);
    for (let p = 0; p < partitions; p++) insertPartition.run(name, p);
    return partitions;
  });

  const append = db.transaction((topic: string, messages: OutgoingMessage[], now: number) => {
    const partitions = ensureTopic(topic, defaultPartitions);
    const next = new Map<number, number>();
    for (const m of messages) {
      const partition = partitionFor(m.key, partitions);
      const offset = next.get(partition) ?? nextOffset.get(topic, partition)!.next_offset;
      insertMessage.run(topic, partition, offset, m.key, m.value, JSON.stringify(m.headers ?? {}), now);
      next.set(partition, offset + 1);
    }
    for (const [partition, offset] of next) bumpOffset.run(offset, topic, partition);
  });

  function wake(topic: string) {
    for (const w of waiters.get(topic) ?? []) w();
  }

  function waitForMessages(topic: string, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = waiters.get(topic) ?? new Set();
      waiters.set(topic, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pollIntervalMs);
      timer.unref();
      set.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async function consumePartition(reader: Reader, partition: number, signal: AbortSignal, state: { stopping: boolean }) {
    const { topic, cursor } = reader;
    const maxBatch = reader.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    let failures = 0;
    while (!signal.aborted) {
      const rows = readBatch.all(topic, partition, cursor.at(partition), maxBatch);
      if (rows.length === 0) {
        await waitForMessages(topic, signal);
        continue;
      }
      const batch: BusMessage[] = rows.map((r) => ({
        topic,
        partition,
        offset: String(r.offset),
        key: r.key,
        value: r.value,
        headers: JSON.parse(r.headers) as Record<string, string>,
        timestamp: r.ts,
      }));
      let handled = 0;
      try {
        const result = await reader.handler(batch, {
          heartbeat: async () => {},
          get stopping() {
            return state.stopping;
          },
        });
        handled = acknowledgedCount(result, batch.length);
      } catch {
        // Nothing acknowledged.
      }
      // A tail moves on whatever its handler did; a group keeps what was not acknowledged.
      if (!cursor.redeliver) handled = batch.length;
      if (handled > 0) cursor.advance(partition, rows[handled - 1]!.offset + 1);
      if (handled === batch.length) {
        failures = 0;
        // Reading and committing are synchronous: without this turn of the event loop a backlog
        // would be drained in one microtask chain, and timers, I/O and signals (SIGTERM) would wait.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        // What was not acknowledged comes again, from the first unacknowledged message, after a back-off.
        failures++;
        await sleep(backoffDelay(failures, { initialDelayMs: 200, maxDelayMs: 10_000 }), signal).catch(() => {});
      }
    }
  }

  function read(reader: Reader, partitions: number): Subscription {
    const controller = new AbortController();
    const state = { stopping: false };
    const loops = Array.from({ length: partitions }, (_, p) => consumePartition(reader, p, controller.signal, state));
    const subscription: Subscription = {
      async stop() {
        state.stopping = true;
        controller.abort();
        await Promise.all(loops);
        subscriptions.delete(subscription);
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  return {
    kind: 'embedded',
    async ensureTopics(topics: TopicSpec[]) {
      for (const t of topics) ensureTopic(t.name, t.partitions);
    },
    async publish(topic, messages) {
      if (closed) throw new Error('bus is closed');
      if (messages.length === 0) return;
      append(topic, messages, Date.now());
      wake(topic);
    },
    async subscribe(opts) {
      const partitions = ensureTopic(opts.topic, defaultPartitions);
      const cursor: Cursor = {
        at: (partition) => getCommit.get(opts.groupId, opts.topic, partition)?.offset ?? 0,
        advance: (partition, next) => setCommit.run(opts.groupId, opts.topic, partition, next),
        redeliver: true,
      };
      return read({ ...opts, cursor }, partitions);
    },
    async tail(opts) {
      const partitions = ensureTopic(opts.topic, defaultPartitions);
      const places = Array.from({ length: partitions }, (_, p) => nextOffset.get(opts.topic, p)!.next_offset);
      const cursor: Cursor = { at: (partition) => places[partition]!, advance: (partition, next) => void (places[partition] = next), redeliver: false };
      return read({ ...opts, cursor }, partitions);
    },
    async lag(groupId, topic) {
      const row = db
        .prepare<[string, string], { lag: number | null }>(
          `SELECT SUM(p.next_offset - COALESCE(c.offset, 0)) AS lag FROM partitions p
           LEFT JOIN commits c ON c.group_id = ? AND c.topic = p.topic AND c.partition = p.partition WHERE p.topic = ?`,
        )
        .get(groupId, topic);
      return row?.lag ?? 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      if (options.retentionMs) {
        db.prepare('DELETE FROM messages WHERE ts < ?').run(Date.now() - options.retentionMs);
      }
      db.close();
    },
  };
}

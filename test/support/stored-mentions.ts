// Test support for the process-level tests (crash, SIGTERM): made-up mention texts in several
// languages (ours) and how many mentions a SQLite store file holds, read while Earshot writes it.
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const NORDTEL_SENTENCES = [
  'Nordtel raised the price again and support never answered.',
  'Great service from Nordtel today, the engineer was quick.',
  'Нордтел снова задержал доставку роутера.',
  'Нордтел қызметі жақсы, рахмет.',
  'נורדטל העלו את המחיר שוב.',
  'Nordtel klienditeenindus vastas kiiresti.',
];

/** Mentions stored so far (0 while the file does not exist yet). */
export function countStored(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** RSS items about Nordtel in several languages, ids `<prefix>-<n>`. */
export function nordtelItems(count: number, prefix: string): { guid: string; title: string; text: string; link: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `Report ${i}`,
    text: `${NORDTEL_SENTENCES[i % NORDTEL_SENTENCES.length]} (#${i})`,
    link: `https://${prefix}.example.org/items/${i}`,
  }));
}

/** Writes a config with one brand and one feed source, the bus and store in `dir`; returns its path. */
export function oneFeedConfig(options: { dir: string; sourceId: string; feedUrl: string; extra?: string }): string {
  const file = join(options.dir, 'earshot.yaml');
  writeFileSync(
    file,
    `logLevel: silent
brands:
  - { id: nordtel, name: Nordtel, query: 'Nordtel OR Нордтел OR נורדטל' }
sources:
  - { id: ${options.sourceId}, type: rss, url: "${options.feedUrl}", pollInterval: 1h, allowPrivateNetwork: true }
${options.extra ?? ''}bus: { kind: embedded, path: "${join(options.dir, 'bus.db')}" }
store: { kind: sqlite, path: "${join(options.dir, 'store.db')}" }
`,
  );
  return file;
}

/** Polls the store until the first mentions are stored (or the child exits, or time runs out). */
export async function firstStored(storePath: string, child: ChildProcess, timeoutMs = 120_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && child.exitCode === null) {
    const stored = countStored(storePath);
    if (stored > 0) return stored;
    await new Promise((r) => setTimeout(r, 25));
  }
  return 0;
}

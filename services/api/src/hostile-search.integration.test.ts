// Hostile searches cannot freeze the process: with tens of thousands of mentions in the embedded
// store, the queries from issue 16 (250 one-letter words, long words, many at once from one token)
// are refused with a 400 naming the limit, capped per token with a 429, or run in a reader thread
// with a deadline — and meanwhile /health, served by the same process, keeps answering at once.
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { EnrichedMention } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMention } from './testing/fixtures.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestApi, type TestApi } from './testing/start-test-api.js';

const MENTIONS = 40_000;

/** Our own generated text: words of 3–8 letters from a seeded generator, so every letter starts many words. */
function* generatedMentions(batch: number): Generator<EnrichedMention[]> {
  let seed = 16;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 6) }, () => letters[Math.floor(random() * 26)]).join(''),
  );
  const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const base = Date.parse('2026-11-01T00:00:00Z');
  for (let start = 0; start < MENTIONS; start += batch)
    yield Array.from({ length: Math.min(batch, MENTIONS - start) }, (_, j) => start + j).map((i) =>
      makeMention({
        id: `gen-${i}`,
        lang: 'en',
        sentiment: i % 3 === 0 ? 'negative' : i % 3 === 1 ? 'positive' : 'neutral',
        title: sentence(6),
        text: sentence(24),
        author: `author${i % 500}`,
        publishedAt: new Date(base + i * 30_000).toISOString(),
      }),
    );
}

interface AttackResult {
  status: number;
  code?: string;
  message?: string;
  retryAfter?: string | null;
}

interface Attacker {
  /** Sends every search at once; resolves to what came back, in order. */
  attack(): Promise<AttackResult[]>;
}

/** A child process ready to send the searches (started first, so its start-up is not measured). */
function startAttacker(base: string, requests: { q: string; token: string }[]): Promise<Attacker> {
  const script = `
    const { base, requests } = JSON.parse(process.env.ATTACK);
    process.stdout.write('ready\\n');
    await new Promise((resolve) => process.stdin.once('data', resolve));
    const results = await Promise.all(requests.map(async ({ q, token }) => {
      const res = await fetch(base + '/api/v1/mentions?q=' + encodeURIComponent(q), { headers: { authorization: 'Bearer ' + token } });
      const body = await res.json();
      return { status: res.status, code: body.error?.code, message: body.error?.message, retryAfter: res.headers.get('retry-after') };
    }));
    process.stdout.write(JSON.stringify(results));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ATTACK: JSON.stringify({ base, requests }) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const results = new Promise<AttackResult[]>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.slice(out.indexOf('\n') + 1)) as AttackResult[]) : reject(new Error(`attacker exited with ${code}: ${err}`)),
    );
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out === 'ready\n') {
        resolve({
          attack() {
            child.stdin.end('go\n');
            return results;
          },
        });
      }
    });
    results.catch(reject);
  });
}

/** Milliseconds for one GET /health (node:http, a fresh connection); Infinity when it fails. */
function healthLatency(base: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    get(`${base}/health`, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Infinity));
    }).on('error', () => resolve(Infinity));
  });
}

const oneLetterWords = (n: number) => Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join(' ');

describe('hostile searches on the embedded store', () => {
  let dir: string;
  let store: MentionStore;
  let t: TestApi;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-hostile-'));
    store = createSqliteStore({ path: join(dir, 'store.db'), queryTimeoutMs: 1500 });
    for (const batch of generatedMentions(5000)) await store.upsertMentions(batch);
    t = await startTestApi({ store });
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const search = (q: string, token = READ_TOKEN) =>
    fetch(`${t.url}/api/v1/mentions?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } }).then(async (res) => ({
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { total?: number; error?: { code: string; message: string } },
    }));

  it('still answers ordinary searches', async () => {
    const res = await search('author1');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
  });

  it('refuses search text over the caps with a 400 naming the limit', async () => {
    const many = await search(oneLetterWords(250));
    expect(many.status).toBe(400);
    expect(many.body.error?.message).toMatch(/too many words: at most 32/);
    const long = await search('x'.repeat(200));
    expect(long.status).toBe(400);
    expect(long.body.error?.message).toMatch(/at most 64 characters a word/);
  });

  it('keeps /health answering within 100 ms while hostile searches run in parallel', async () => {
    const hostile = [
      oneLetterWords(250),
      oneLetterWords(250),
      oneLetterWords(32),
      Array.from({ length: 32 }, (_, i) => `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'aeiou'[i % 5]}`).join(' '),
      'abc abd abe abf abg abh abi abj abk abl abm abn abo abp abq abr abs abt',
    ];
    const requests = [READ_TOKEN, ADMIN_TOKEN, READ_TOKEN].flatMap((token) => hostile.map((q) => ({ q, token })));
    // The attacker is another process, so this one's event loop does only what Earshot does.
    const attacker = await startAttacker(t.url, requests);
    const latencies: number[] = [];
    let done = false;
    const attack = attacker.attack();
    void attack.finally(() => (done = true));
    while (!done) {
      latencies.push(await healthLatency(t.url));
      await new Promise((r) => setTimeout(r, 20));
    }
    // The reader threads may still be finishing (or be abandoned): keep probing a little longer.
    for (let i = 0; i < 10; i++) {
      latencies.push(await healthLatency(t.url));
      await new Promise((r) => setTimeout(r, 20));
    }
    const results = await attack;

    const statuses = results.map((r) => r.status);
    for (const r of results) {
      expect([200, 400, 429, 503], JSON.stringify(r)).toContain(r.status);
      if (r.status === 400) expect(r.message).toMatch(/too many words: at most 32/);
      if (r.status === 429) {
        expect(r.code).toBe('too_many_searches');
        expect(r.retryAfter).toBe('1');
      }
      if (r.status === 503) expect(r.code).toBe('query_timeout');
    }
    expect(statuses).toContain(400);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies), `health latencies (ms): ${latencies.map((l) => l.toFixed(0)).join(' ')}`).toBeLessThan(100);
  });
});

describe('concurrent searches per token', () => {
  it('lets a token run four costly requests at once; the fifth gets 429 with Retry-After, other tokens go on', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const t = await startTestApi({
      before: async ({ store }) => {
        const search = store.search.bind(store);
        // Searches wait at the gate, so they are all running at once.
        store.search = async (query) => {
          await gate;
          return search(query);
        };
      },
    });
    try {
      const ask = (token: string) => fetch(`${t.url}/api/v1/mentions?q=nordtel`, { headers: { authorization: `Bearer ${token}` } });
      const running = Array.from({ length: 4 }, () => ask(READ_TOKEN));
      await new Promise((r) => setTimeout(r, 200));
      const fifth = await ask(READ_TOKEN);
      expect(fifth.status).toBe(429);
      expect(fifth.headers.get('retry-after')).toBe('1');
      expect(((await fifth.json()) as { error: { code: string } }).error.code).toBe('too_many_searches');
      const other = ask(ADMIN_TOKEN);
      open();
      expect((await Promise.all(running)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect((await other).status).toBe(200);
      expect((await ask(READ_TOKEN)).status).toBe(200); // slots are given back
    } finally {
      await t.stop();
    }
  });
});

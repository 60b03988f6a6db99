// A command pays only for the backend its config names and the parts it uses: `earshot search` on a
// SQLite store loads better-sqlite3 and not the Kafka clients, the Elasticsearch client, the NLP
// models, the collector's parsers or the logger — they took most of its start-up time — while it
// still refuses a config with a bad brand query. `earshot run` on the embedded backend loads the
// models (it analyses text) but no Kafka or Elasticsearch client. Checked on the built command
// (dist/, what users run) with a resolve hook that records every package the process loads.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot, type CliResult } from './support/earshot-cli.js';

const RECORDER = pathToFileURL(fileURLToPath(new URL('./support/record-packages.mjs', import.meta.url))).href;
const KAFKA_AND_ELASTICSEARCH = ['kafkajs', '@platformatic/kafka', '@elastic/elasticsearch'];
const NLP_MODELS = ['wink-nlp', 'wink-eng-lite-web-model', '@nlpjs/lang-ru', '@nlpjs/core'];
const COLLECTOR_AND_LOGGING = ['htmlparser2', 'iconv-lite', 'chardet', 'undici', 'pino', 'prom-client'];

describe('what a command loads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-command-loads-'));
  let runs = 0;
  const config = (brandQuery: string) => {
    const file = join(dir, `earshot-${runs++}.yaml`);
    writeFileSync(
      file,
      `brands: [{ id: nordtel, name: Nordtel, query: '${brandQuery}' }]\n` +
        `bus: { kind: embedded, path: "${join(dir, 'bus.db')}" }\nstore: { kind: sqlite, path: "${join(dir, 'store.db')}" }\n`,
    );
    return file;
  };
  /** Runs `earshot <args>` and returns its result with every npm package the process (and its workers) loaded. */
  const recorded = async (args: string[]): Promise<CliResult & { packages: string[] }> => {
    const out = join(dir, `packages-${runs++}.jsonl`);
    const result = await runEarshot(args, { env: { NODE_OPTIONS: `--import=${RECORDER}`, RECORD_PACKAGES_TO: out } });
    const lines = existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n') : [];
    return { ...result, packages: [...new Set(lines.flatMap((l) => JSON.parse(l) as string[]))].sort() };
  };
  let run: CliResult & { packages: string[] };

  beforeAll(async () => {
    // Creates the store `search` reads.
    run = await recorded(['run', '--once', '--json', '--config', config('Nordtel')]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run --once on the embedded backend loads the NLP models and SQLite, and no Kafka or Elasticsearch client', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'wink-nlp']));
    expect(run.packages.filter((p) => KAFKA_AND_ELASTICSEARCH.includes(p))).toEqual([]);
  });

  it('search on a SQLite store loads better-sqlite3 and none of Kafka, Elasticsearch, the NLP models, the collector or the logger', async () => {
    const search = await recorded(['search', 'price', '--json', '--config', config('Nordtel')]);
    expect(search.code, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout)).toEqual({ total: 0, mentions: [] });
    expect(search.packages).toContain('better-sqlite3');
    const unneeded = [...KAFKA_AND_ELASTICSEARCH, ...NLP_MODELS, ...COLLECTOR_AND_LOGGING];
    expect(search.packages.filter((p) => unneeded.includes(p))).toEqual([]);
  });

  it('search still refuses a config whose brand query does not parse, naming it', async () => {
    const search = await recorded(['search', 'price', '--config', config('Nordtel AND (')]);
    expect(search.code).toBe(2);
    expect(search.stderr).toMatch(/brands\[0\]\.query: .*position 13/);
    expect(search.packages.filter((p) => NLP_MODELS.includes(p))).toEqual([]);
  });
});

// A real stage process whose promise rejection goes unhandled logs the error, stops in order within
// its shutdown deadline, and exits 1 (so an orchestrator restarts it) instead of running on in an
// unknown state. The rejection is provoked by a test-support preload (test/support/reject-on-sigusr2.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEarshot } from '../support/earshot-cli.js';
import { oneFeedConfig } from '../support/stored-mentions.js';
import { freePort } from '../distributed/support.js';

const PRELOAD = fileURLToPath(new URL('../support/reject-on-sigusr2.mjs', import.meta.url));

describe('unhandled rejection in a stage process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-fatal-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is logged with its error, the health server closes, and the process exits 1 within shutdownTimeout', async () => {
    const port = await freePort();
    const config = oneFeedConfig({ dir, sourceId: 'fatal', feedUrl: 'http://127.0.0.1:9/none.xml', extra: `health: { port: ${port} }\nshutdownTimeout: 3s\n` });
    const child = startEarshot(['indexer', '--config', config], { env: { LOG_LEVEL: 'info', NODE_OPTIONS: `--import=${PRELOAD}` } });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const until = Date.now() + 60_000;
    while (
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`the stage did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const sent = Date.now();
    child.kill('SIGUSR2');
    const code = await exited;
    const took = Date.now() - sent;
    expect(code, out).toBe(1);
    expect(took, out).toBeLessThan(3000);
    const fatal = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; level: number; err?: { message: string } })
      .find((l) => l.msg === 'unhandledRejection: stopping');
    expect(fatal, out).toMatchObject({ level: 60, err: { message: 'rejection provoked by the test (SIGUSR2)' } });
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});

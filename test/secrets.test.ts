// Secrets at start, as a user sees them: `earshot run` refuses the example config's placeholder
// tokens and secrets saying what to set, never prints a configured token, and prints a dashboard
// link with a token only for one it made up for this run on a loopback API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runEarshot, startEarshot } from './support/earshot-cli.js';

const READ = 'r3ad-token-7f1c9a2e5b8d';
const ADMIN = 'adm1n-token-4e6b2d9c1a7f';

async function startedOutput(config: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = startEarshot(['run', '--config', config]);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!stdout.includes('Press Ctrl+C') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  return { stdout, stderr, code: await exited };
}

describe('secrets at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (api: string) => {
    const file = join(dir, `earshot-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(
      file,
      `logLevel: silent\nbrands: [{ id: acme, name: Acme }]\napi: ${api}\nbus: { kind: embedded, path: "${join(dir, 'bus.db')}" }\nstore: { kind: sqlite, path: "${join(dir, 'store.db')}" }\n`,
    );
    return file;
  };

  it('refuses the example config as shipped, naming each placeholder and what to set', async () => {
    const res = await runEarshot(['run', '--once', '--config', join(REPO_ROOT, 'earshot.example.yaml')], {
      env: { EARSHOT_ADMIN_TOKEN: '', EARSHOT_READ_TOKEN: '' },
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('api.tokens[1].token: still a placeholder; set EARSHOT_ADMIN_TOKEN');
    expect(res.stderr).toContain('channels[0].secret: still a placeholder; set EARSHOT_WEBHOOK_SECRET');
    expect(res.stdout).toBe('');
  });

  it('never prints configured tokens', async () => {
    const run = await startedOutput(config(`{ port: 0, tokens: [{ name: r, token: "${READ}", role: read }, { name: a, token: "${ADMIN}", role: admin }] }`));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Dashboard: http:\/\/127\.0\.0\.1:\d+\/ {3}\(sign in with a token from api\.tokens\)/);
    expect(run.stdout).not.toContain(READ);
    expect(run.stdout).not.toContain(ADMIN);
    expect(run.stdout).not.toContain('#token=');
  });

  it('prints a link with the token it made up for this run on a loopback API', async () => {
    const run = await startedOutput(config('{ host: 127.0.0.1, port: 0 }'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Dashboard: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32} /);
  });
});

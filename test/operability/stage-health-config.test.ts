// A stage started alone (`earshot <stage>`) serves /health and /metrics where the config's
// `health.port` and `health.host` say, so a probe or Prometheus in a container can find it; the
// --health-port flag overrides the port. Runs on the embedded backend (no servers needed).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEarshot } from '../support/earshot-cli.js';
import { oneFeedConfig } from '../support/stored-mentions.js';
import { freePort } from '../distributed/support.js';

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the stage exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > until) throw new Error(`no answer at ${url} within 60 s:\n${output()}`);
    const res = await fetch(url).catch(() => undefined);
    if (res) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('health.port / health.host for a stage command', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-stage-health-'));
  });
  afterEach(async () => {
    for (const c of children.splice(0)) {
      if (c.exitCode === null) {
        const gone = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await gone;
      }
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function start(args: string[]): { child: ChildProcess; output: () => string } {
    const child = startEarshot(args, { env: { LOG_LEVEL: 'warn' } });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    return { child, output: () => out };
  }

  it('binds the configured host and port and answers /health and /metrics there', async () => {
    const port = await freePort();
    // 127.0.0.2 is loopback too, but not 127.0.0.1: answering there and not on 127.0.0.1 proves the host is honoured.
    const config = oneFeedConfig({ dir, sourceId: 'hp', feedUrl: 'http://127.0.0.1:9/none.xml', extra: `health: { port: ${port}, host: 127.0.0.2 }\n` });
    const { child, output } = start(['indexer', '--config', config]);
    const health = await waitForHealth(`http://127.0.0.2:${port}/health`, child, output);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const metrics = await fetch(`http://127.0.0.2:${port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('earshot_consumer_lag_messages');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('lets --health-port override health.port', async () => {
    const [configured, flag] = [await freePort(), await freePort()];
    const config = oneFeedConfig({ dir, sourceId: 'hp2', feedUrl: 'http://127.0.0.1:9/none.xml', extra: `health: { port: ${configured} }\n` });
    const { child, output } = start(['enricher', '--config', config, '--health-port', String(flag)]);
    const health = await waitForHealth(`http://127.0.0.1:${flag}/health`, child, output);
    expect(health.status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${configured}/health`)).rejects.toThrow();
  });

  it('refuses a --health-port that is not a port, naming it', async () => {
    const config = oneFeedConfig({ dir, sourceId: 'hp3', feedUrl: 'http://127.0.0.1:9/none.xml' });
    const { child, output } = start(['alerter', '--config', config, '--health-port', 'eighty']);
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(output()).toContain('--health-port: expected a port number 0-65535, got "eighty"');
  });
});

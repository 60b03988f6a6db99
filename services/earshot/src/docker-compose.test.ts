// infra/docker-compose.yml cannot be run here (no Docker): parse it and check that every Earshot
// service has a healthcheck on the port it serves /health on, and that the check's command really
// tells a healthy stage from a failed one (run with node against a real health server).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createMetrics, startHealthServer, type Health } from '@earshot/observability';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const COMPOSE = fileURLToPath(new URL('../../../infra/docker-compose.yml', import.meta.url));

interface ComposeService {
  image?: string;
  command?: string[];
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
}

const compose = parse(readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const earshot = Object.entries(compose.services).filter(([, s]) => s.image === 'earshot:local');

describe('docker-compose Earshot services', () => {
  it('are the six stages, each with a healthcheck on the --health-port it is started with', () => {
    expect(earshot.map(([name]) => name).sort()).toEqual(['alerter', 'api', 'collector', 'enricher', 'indexer', 'notifier']);
    for (const [name, service] of earshot) {
      const command = service.command!;
      expect(command[0]).toBe(name);
      const port = command[command.indexOf('--health-port') + 1];
      expect(port, name).toMatch(/^\d+$/);
      expect(service.healthcheck, name).toBeDefined();
      expect(service.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    }
  });

  it("the healthcheck command passes on 'ok', fails on 'error' (503) and when nothing answers", async () => {
    const test = earshot[0]![1].healthcheck!.test;
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    let health: Health = { status: 'ok' };
    const server = await startHealthServer({ port: 0, health: () => health, registry: createMetrics().registry });
    const port = new URL(server.url).port;
    const check = () =>
      run(process.execPath, ['-e', test[3]!.replace('127.0.0.1:9464', `127.0.0.1:${port}`)]).then(
        () => 0,
        (err: { code: number }) => err.code,
      );
    try {
      expect(await check()).toBe(0);
      health = { status: 'degraded' };
      expect(await check()).toBe(0);
      health = { status: 'error' };
      expect(await check()).toBe(1);
    } finally {
      await server.close();
    }
    expect(await check()).toBe(1);
  });
});

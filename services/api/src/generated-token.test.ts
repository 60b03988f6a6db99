// A token made up at start is handed out only on a loopback address: an API on a reachable address
// with no configured tokens refuses to start (before it listens), naming what to set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from './create-api.js';

describe('generated API token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-api-token-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start on a non-loopback address without configured tokens', async () => {
    const config = parseConfig('brands: [{ id: a, name: A }]\napi: { host: 0.0.0.0, port: 0 }\n', join(dir, 'earshot.yaml'));
    const bus = createEmbeddedBus({ path: join(dir, 'bus.db') });
    const store = createSqliteStore({ path: join(dir, 'store.db') });
    const api = createApi({ config, bus, store, logger: silentLogger(), metrics: createMetrics() });
    await expect(api.start()).rejects.toThrow(/api: listening on 0\.0\.0\.0 needs api\.tokens/);
    expect(api.url).toBeUndefined();
    expect(api.tokenLink).toBeUndefined();
    await bus.close();
    await store.close();
  });
});

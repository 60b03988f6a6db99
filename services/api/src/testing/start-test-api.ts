// Starts a real API for tests: on the embedded backend (temp SQLite files) or on a store the test
// passes in, listening on a free loopback port, with a read and an admin token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedBus, type Bus } from '@earshot/bus';
import { parseConfig, type ApiToken } from '@earshot/config';
import { createMetrics, silentLogger, createLogger, type Logger } from '@earshot/observability';
import { createSqliteStore, type MentionStore } from '@earshot/store';
import { createApi, type Api } from '../create-api.js';

export const READ_TOKEN = 'test-read-token-0123456789';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** The sources the seeded mentions come from, with the titles the dashboard shows for them. */
export const SOURCE_TITLES: Record<string, string> = {
  'demo-en': 'Telecom Talk forum',
  'demo-ru': 'Otzyvy reviews',
  'demo-kk': 'Qazaq reviews',
  'demo-he': 'Zap reviews',
};

export interface TestApi {
  api: Api;
  url: string;
  bus: Bus;
  store: MentionStore;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  store?: MentionStore;
  /** Default: an embedded bus in a temp file. The API's stop() closes it. */
  bus?: Bus;
  tokens?: ApiToken[];
  now?: () => Date;
  logger?: Logger;
  /** Runs before the API starts (to put history on the bus or in the store). */
  before?: (backend: { bus: Bus; store: MentionStore }) => Promise<void>;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-api-'));
  const config = parseConfig(
    [
      'brands:\n  - { id: nordtel, name: Nordtel }\n  - { id: tundra, name: Tundra Coffee }',
      'sources:',
      ...Object.entries(SOURCE_TITLES).map(([id, title]) => `  - { id: ${id}, type: rss, url: "https://reviews.example.org/${id}.xml", title: "${title}" }`),
      'api:\n  port: 0\n',
    ].join('\n'),
    join(dir, 'earshot.yaml'),
  );
  config.api.tokens = options.tokens ?? [
    { name: 'analysts', token: READ_TOKEN, role: 'read', rateLimit: 6000 },
    { name: 'ops', token: ADMIN_TOKEN, role: 'admin', rateLimit: 6000 },
  ];
  const bus = options.bus ?? createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 100 });
  const store = options.store ?? createSqliteStore({ path: join(dir, 'store.db') });
  await store.init();
  await options.before?.({ bus, store });
  const logger = options.logger ?? (process.env.LOG_LEVEL ? createLogger({ level: process.env.LOG_LEVEL }) : silentLogger());
  const api = createApi({ config, bus, store, logger, metrics: createMetrics(), ...(options.now ? { now: options.now } : {}) });
  await api.start();
  return {
    api,
    url: api.url!,
    bus,
    store,
    async stop() {
      await api.stop();
      await bus.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

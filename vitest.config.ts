// Two projects: `unit` (fast, no servers) and `integration` (real Kafka, Elasticsearch, SMTP, HTTP
// on loopback; the global setup finds or starts them, after building dist/ for the tests that run the
// `earshot` command). `npm test` runs both.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'test/layers/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.integration.test.ts', 'services/*/src/**/*.integration.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/bench/**', 'test/layers/**'],
          // build-dist first: the tests that spawn bin/earshot.js run dist/.
          globalSetup: ['test/setup/build-dist.ts', 'test/setup/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// Writes services/api/openapi.json: the OpenAPI document exactly as a running API serves it (a
// throwaway API on loopback, temp SQLite files). `npm run openapi` after changing a route or a
// response schema; openapi-contract.integration.test.ts fails while the committed copy is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApi } from '../src/testing/start-test-api.js';

const OPENAPI_FILE = fileURLToPath(new URL('../openapi.json', import.meta.url));

function formatDocument(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const api = await startTestApi();
try {
  const res = await fetch(`${api.url}/api/v1/openapi.json`);
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json: HTTP ${res.status}`);
  writeFileSync(OPENAPI_FILE, formatDocument(await res.json()));
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
} finally {
  await api.stop();
}

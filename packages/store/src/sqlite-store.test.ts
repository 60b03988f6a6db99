import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from './contract.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-store-'));
let n = 0;
storeContract('sqlite (FTS5)', { create: async () => createSqliteStore({ path: join(dir, `store-${++n}.db`) }) });

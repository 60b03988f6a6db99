// The stage runner's error policy on the embedded bus (a SQLite file, as in production).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { errorPolicySuite } from './error-policy-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-policy-'));
let n = 0;
errorPolicySuite('embedded (SQLite file)', {
  connect: async () => createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 50 }),
  unique: () => `p${++n}`,
});

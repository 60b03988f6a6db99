import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busContract } from '../contract.js';
import { createEmbeddedBus } from './embedded-bus.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-bus-'));
let n = 0;
busContract('embedded (SQLite file)', {
  connect: async () => createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 50 }),
  unique: () => `t${++n}`,
});

// Where the shared data (../shared beside the checkout) is, for tests and scripts that read it.
// EARSHOT_SHARED overrides the location. Absent in a user's clone: tests skip with a message; under
// CI=true they fail instead, because CI always has it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function sharedDir(): string {
  return resolve(process.env.EARSHOT_SHARED ?? fileURLToPath(new URL('../../../shared', import.meta.url)));
}

/** The path of a shared file or folder, or a reason it is missing (which is an error under CI). */
export function sharedPath(relative: string): { path: string; missing?: string } {
  const path = resolve(sharedDir(), relative);
  if (existsSync(path)) return { path };
  const missing = `shared data not found at ${path} (set EARSHOT_SHARED to the shared/ folder)`;
  if (process.env.CI === 'true') throw new Error(`${missing}; CI=true requires it`);
  return { path, missing };
}

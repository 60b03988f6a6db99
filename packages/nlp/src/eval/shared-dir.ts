// Finds the shared folder (labeled data, seed articles) outside the repository: EARSHOT_SHARED, or
// <repo root>/../shared. The environment is passed in by the caller (scripts, tests, benchmark).

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  return resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
}

export function sharedDir(env: Record<string, string | undefined>): string {
  return env.EARSHOT_SHARED ?? join(repoRoot(), '..', 'shared');
}

export function sentimentDevFile(env: Record<string, string | undefined>, lang: string): string | undefined {
  return sharedDataFile(env, 'sentiment/dev', lang);
}

/** shared/data/<set>/<lang>.jsonl if it exists: sentiment dev or train data, or topic dev data. */
export function sharedDataFile(
  env: Record<string, string | undefined>,
  set: 'sentiment/dev' | 'sentiment/train' | 'topics/dev',
  lang: string,
): string | undefined {
  const path = join(sharedDir(env), 'data', ...set.split('/'), `${lang}.jsonl`);
  return existsSync(path) ? path : undefined;
}

/**
 * A shared file or folder for a test: its path, or why it is missing. Absent shared data is a
 * reason to skip in a user's clone but an error under CI=true, where it is always provided (the
 * convention of test/setup/shared-data.ts).
 */
export function sharedForTest(env: Record<string, string | undefined>, relative: string): { path: string; missing?: string } {
  const path = join(sharedDir(env), relative);
  if (existsSync(path)) return { path };
  const missing = `shared data not found at ${path} (set EARSHOT_SHARED to the shared/ folder)`;
  if (env.CI === 'true') throw new Error(`${missing}; CI=true requires it`);
  return { path, missing };
}

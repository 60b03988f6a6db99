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
  const path = join(sharedDir(env), 'data', 'sentiment', 'dev', `${lang}.jsonl`);
  return existsSync(path) ? path : undefined;
}

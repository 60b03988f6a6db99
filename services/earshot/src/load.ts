// Finds and loads the config for a command: --config, else $EARSHOT_CONFIG, else ./earshot.yaml,
// else the bundled demo config. Validates everything that can be checked offline; prints every
// problem and exits 2 on a bad file; a command that starts Earshot also refuses placeholder secrets
// (the example config's tokens, `change-me`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, placeholderSecrets, type EarshotConfig } from '@earshot/config';
import { configChecks } from './config-checks.js';
import { DEMO_DIR } from './demo-dir.js';

export function resolveConfigPath(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  if (explicit) return explicit;
  if (env.EARSHOT_CONFIG) return env.EARSHOT_CONFIG;
  if (existsSync('earshot.yaml')) return 'earshot.yaml';
  return join(DEMO_DIR, 'earshot.demo.yaml');
}

export interface LoadOptions {
  /** Unknown keys are printed as warnings instead of refusing the file (--lenient). */
  lenient?: boolean;
  /** The command starts Earshot (or checks a config for starting): placeholder secrets are refused. */
  starting?: boolean;
}

export function loadOrExit(explicit: string | undefined, options: LoadOptions = {}): { config: EarshotConfig; file: string } {
  const file = resolveConfigPath(explicit, process.env);
  try {
    const onWarning = (warning: string) => process.stderr.write(`warning: ${file}: ${warning}\n`);
    const config = loadConfig(file, { env: process.env, checks: configChecks(), lenient: options.lenient, onWarning });
    const placeholders = options.starting ? placeholderSecrets(config) : [];
    if (placeholders.length) throw new ConfigError(file, placeholders);
    return { config, file };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

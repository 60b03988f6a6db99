// Runs the real `earshot` command as a child process, the way a user or a script would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const EARSHOT_BIN = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `earshot`. The servers the integration setup found (KAFKA_BROKERS, ELASTICSEARCH_URL) are
 * not passed on unless `env` names them, because they would switch the child's backend.
 */
export function startEarshot(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): ChildProcess {
  const { KAFKA_BROKERS: _k, ELASTICSEARCH_URL: _e, ...inherited } = process.env;
  return spawn(process.execPath, [EARSHOT_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...inherited, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runEarshot(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startEarshot(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`earshot ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

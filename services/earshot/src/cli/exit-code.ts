// Exit codes a script can rely on: 0 done (--help and --version included), 2 the command line was
// wrong (unknown command or flag, missing command, missing or bad value), 1 anything else that failed. Commander
// reports its own parse errors as CommanderError codes; this maps them.
import { CommanderError } from 'commander';

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

const SUCCESS_CODES = new Set(['commander.helpDisplayed', 'commander.version']);

/** The exit code for an error thrown out of `program.parseAsync` with `exitOverride()` on. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof CommanderError)) return EXIT_FAILURE;
  if (SUCCESS_CODES.has(err.code)) return err.exitCode;
  return EXIT_USAGE;
}

/** Whether commander has already printed the error (its parse errors), so main must not print it again. */
export function alreadyReported(err: unknown): boolean {
  return err instanceof CommanderError;
}

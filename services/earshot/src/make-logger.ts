// The process logger of a command that starts Earshot: LOG_LEVEL, else the config's logLevel. Its
// own file, apart from load.ts, so that a command that only reads (`earshot search`) loads no pino.
import type { EarshotConfig } from '@earshot/config';
import { createLogger, type Logger } from '@earshot/observability';

/** `destination`: stdout unless given (`run --once --json` logs to stderr, so stdout holds its JSON alone). */
export function makeLogger(config: EarshotConfig, name = 'earshot', destination?: NodeJS.WritableStream): Logger {
  return createLogger({ level: process.env.LOG_LEVEL ?? config.logLevel, name, ...(destination ? { destination } : {}) });
}

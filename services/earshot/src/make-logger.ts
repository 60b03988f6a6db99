// The process logger of a command that starts Earshot: LOG_LEVEL, else the config's logLevel. Its
// own file, apart from load.ts, so that a command that only reads (`earshot search`) loads no pino.
import type { EarshotConfig } from '@earshot/config';
import { createLogger, type Logger } from '@earshot/observability';

export function makeLogger(config: EarshotConfig, name = 'earshot'): Logger {
  return createLogger({ level: process.env.LOG_LEVEL ?? config.logLevel, name });
}

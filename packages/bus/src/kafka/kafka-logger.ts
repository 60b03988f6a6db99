// Routes kafkajs' own log lines into our pino logger (context first, short message), so the client
// logs like the rest of Earshot and stays silent when the logger is.
import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '@earshot/observability';

export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...context } = log;
      const entry = { namespace, ...context };
      if (level === logLevel.ERROR) logger.error(entry, message);
      else if (level === logLevel.WARN) logger.warn(entry, message);
      else if (level === logLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}

/** The kafkajs level that passes through as much as the pino logger wants, and no more. */
export function kafkaLogLevel(logger: Logger): logLevel {
  switch (logger.level) {
    case 'silent':
      return logLevel.NOTHING;
    case 'fatal':
    case 'error':
      return logLevel.ERROR;
    case 'warn':
      return logLevel.WARN;
    case 'info':
      return logLevel.INFO;
    default:
      return logLevel.DEBUG;
  }
}

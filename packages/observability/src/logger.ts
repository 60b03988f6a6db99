// Structured logs with pino: JSON lines, a context object first and a short static message,
// secrets redacted. The level is passed in by `main`; the logger never reads config itself.
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  '*.password',
  '*.secret',
  '*.ticketSecret',
  '*.token',
  '*.apiKey',
  '*.authorization',
  'headers.authorization',
  'config.channels[*].secret',
  'config.channels[*].url',
  'config.channels[*].password',
];

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go (default stdout). Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const opts = {
    level: options.level ?? 'info',
    name: options.name ?? 'earshot',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
  };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}

/** A logger that writes nothing: the default in tests unless LOG_LEVEL is set. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

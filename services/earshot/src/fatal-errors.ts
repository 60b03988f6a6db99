// A promise rejection nobody handled, or an exception nobody caught, leaves a process in a state no
// one planned for. Node's default (print and die at once) skips the orderly stop: the health server
// vanishes mid-answer and in-flight batches are cut. Here the error is logged with its stack, the
// process stops within the configured shutdown deadline, and exits 1 so an orchestrator restarts it.
import type { Logger } from '@earshot/observability';
import { stopWithin } from './stop-within.js';

/** What is used of `process`: injected so the handler can be tested without ending the test run. */
export interface FatalEventSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
}

export interface FatalHandlerOptions {
  source: FatalEventSource;
  logger: Logger;
  /** The orderly stop (health server, then the runtime). */
  stop(): Promise<void>;
  deadlineMs: number;
  exit(code: number): void;
}

/** Installs both handlers; the first fatal event starts the stop, later ones are only logged. */
export function installFatalHandlers(options: FatalHandlerOptions): void {
  let stopping = false;
  const onFatal = (kind: 'unhandledRejection' | 'uncaughtException', err: unknown) => {
    options.logger.fatal({ err, kind, stopping }, stopping ? `${kind} while stopping` : `${kind}: stopping`);
    if (stopping) return;
    stopping = true;
    void stopWithin({ deadlineMs: options.deadlineMs, logger: options.logger, stop: options.stop }).then(() => options.exit(1));
  };
  options.source.on('unhandledRejection', (reason) => onFatal('unhandledRejection', reason));
  options.source.on('uncaughtException', (err) => onFatal('uncaughtException', err));
}

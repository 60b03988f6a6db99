// SIGINT and SIGTERM for the long-running commands, handled from before the stages start. Until a
// handler is installed, a signal ends the process at once with nothing stopped in order, even after
// the command said it was ready (a parent that reacts to that line can land in the gap). Stopping
// stages while they start would race their start, so a signal that comes then is held and acted on
// once the command calls `started()`. Each handler is installed once: the same signal again takes
// the default action and quits at once, the way out of a start that hangs.

/** What is used of `process`: injected so the handling can be tested without signalling the test run. */
export interface SignalSource {
  once(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface StopSignals {
  /** The stages are up: a signal held meanwhile is acted on now, later ones at once. */
  started(): void;
}

export function onStopSignals(options: {
  source: SignalSource;
  /** Called once, with the first signal, after `started()`. */
  stop(signal: 'SIGINT' | 'SIGTERM'): void;
  /** Told when a signal is held for the start. */
  say(line: string): void;
}): StopSignals {
  let up = false;
  let held: 'SIGINT' | 'SIGTERM' | undefined;
  let stopping = false;
  const handle = (signal: 'SIGINT' | 'SIGTERM') => {
    if (!up) {
      held ??= signal;
      options.say(`${signal}: stopping once the stages have started (${signal} again quits at once)`);
      return;
    }
    if (stopping) return;
    stopping = true;
    options.stop(signal);
  };
  options.source.once('SIGINT', () => handle('SIGINT'));
  options.source.once('SIGTERM', () => handle('SIGTERM'));
  return {
    started() {
      up = true;
      if (held) handle(held);
    },
  };
}

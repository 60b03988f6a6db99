// The error policy for a step that throws. An error that says it is retriable (an unavailable store
// or broker, translated at the adapter's edge) is the infrastructure's: it is thrown on, nothing is
// committed, and the bus redelivers the batch after a back-off, without limit. Any other error — a
// TypeError on one odd message, an error that says retrying cannot help — is blamed on messages:
// the batch is bisected until the messages that fail alone are found; each of those is tried alone
// up to `maxAttempts` times in all (a short back-off between, in case the error was only
// mislabelled) and then becomes a `dlq` outcome carrying the error. Everything else gets its own
// outcome, so one poison message never holds up its partition.
import { isRetriable } from '@earshot/core';
import { dlq, type Outcome } from './outcome.js';
import { retry, type RetryOptions } from '@earshot/core';

export const POISON_DEFAULTS = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 2_000 } as const;

export interface IsolatePoisonOptions<I> {
  /** The step on a part of the batch: one outcome per item, in order. */
  run(items: I[]): Promise<Outcome[]>;
  /** How often a message that fails alone is tried before it is dead-lettered (default 3). */
  maxAttempts?: number;
  /** Back-off between the attempts of one message (defaults 100 ms doubling to 2 s). */
  retry?: Pick<RetryOptions, 'initialDelayMs' | 'maxDelayMs' | 'sleep' | 'random'>;
  /** Called between runs (a long isolation keeps the consumer's group membership). */
  between?(): Promise<void>;
  /** Told about each message given up on, with the last error. */
  onPoison?(item: I, err: unknown, attempts: number): void;
}

/** Why a step failed on a message, as the DLQ reason says it. */
export function describeFailure(err: unknown, attempts: number): string {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `step failed ${attempts} time${attempts === 1 ? '' : 's'} on this message: ${what}`;
}

export async function runIsolatingPoison<I>(items: I[], options: IsolatePoisonOptions<I>): Promise<Outcome[]> {
  const maxAttempts = options.maxAttempts ?? POISON_DEFAULTS.maxAttempts;

  async function alone(item: I): Promise<Outcome> {
    let attempts = 0;
    try {
      const [outcome] = await retry(
        async () => {
          attempts++;
          if (attempts > 1) await options.between?.();
          return options.run([item]);
        },
        {
          retries: maxAttempts - 1,
          initialDelayMs: POISON_DEFAULTS.initialDelayMs,
          maxDelayMs: POISON_DEFAULTS.maxDelayMs,
          ...options.retry,
          // Retriable errors are the bus's to retry (the whole batch, without limit), not ours.
          shouldRetry: (err) => !isRetriable(err),
        },
      );
      return outcome!;
    } catch (err) {
      if (isRetriable(err)) throw err;
      options.onPoison?.(item, err, attempts);
      return dlq(describeFailure(err, attempts));
    }
  }

  async function settle(part: I[]): Promise<Outcome[]> {
    if (part.length === 1) return [await alone(part[0]!)];
    try {
      return await options.run(part);
    } catch (err) {
      if (isRetriable(err)) throw err;
    }
    await options.between?.();
    const middle = Math.ceil(part.length / 2);
    return [...(await settle(part.slice(0, middle))), ...(await settle(part.slice(middle)))];
  }

  return items.length === 0 ? [] : settle(items);
}

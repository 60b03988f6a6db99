import { describe, expect, it } from 'vitest';
import { EarshotError } from '@earshot/core';
import { runIsolatingPoison } from './isolate-poison.js';
import { ok, type Outcome } from './outcome.js';

const noWait = { sleep: async () => {}, random: () => 0.5 };

/** A step over numbers that throws `error(n)` for a batch holding a number it refuses, and counts its runs. */
function stepRefusing(refuses: (n: number) => Error | undefined) {
  const runs: number[][] = [];
  const run = async (items: number[]): Promise<Outcome[]> => {
    runs.push(items);
    for (const n of items) {
      const err = refuses(n);
      if (err) throw err;
    }
    return items.map((n) => ok([{ topic: 'out', key: 'k', value: Buffer.from(String(n)) }]));
  };
  return { run, runs };
}

const kinds = (outcomes: Outcome[]) => outcomes.map((o) => (o.kind === 'dlq' ? `dlq: ${o.reason}` : o.kind));

describe('runIsolatingPoison', () => {
  it('gives every message its own outcome and dead-letters the one that fails alone, after maxAttempts tries', async () => {
    const { run, runs } = stepRefusing((n) => (n === 5 ? new TypeError("Cannot read properties of undefined (reading 'text')") : undefined));
    const poisoned: [number, number][] = [];
    const outcomes = await runIsolatingPoison([1, 2, 3, 4, 5, 6, 7, 8], { run, retry: noWait, onPoison: (n, _err, attempts) => poisoned.push([n, attempts]) });
    expect(kinds(outcomes)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      "dlq: step failed 3 times on this message: TypeError: Cannot read properties of undefined (reading 'text')",
      'ok',
      'ok',
      'ok',
    ]);
    expect(poisoned).toEqual([[5, 3]]);
    // Bisection: the batch, its halves, quarters, then 5 alone three times; never 8 single runs.
    expect(runs.filter((r) => r.length === 1 && r[0] === 5)).toHaveLength(3);
    expect(runs.length).toBeLessThan(12);
  });

  it('honours maxAttempts, and a lone message is tried that many times in all', async () => {
    const { run, runs } = stepRefusing(() => new Error('schema mismatch'));
    const outcomes = await runIsolatingPoison([1], { run, maxAttempts: 1, retry: noWait });
    expect(kinds(outcomes)).toEqual(['dlq: step failed 1 time on this message: Error: schema mismatch']);
    expect(runs).toEqual([[1]]);
  });

  it('keeps a message whose error went away on a later attempt', async () => {
    let failures = 0;
    const { run } = stepRefusing((n) => (n === 2 && failures++ < 2 ? new Error('flaky, not marked retriable') : undefined));
    expect(kinds(await runIsolatingPoison([1, 2, 3], { run, retry: noWait }))).toEqual(['ok', 'ok', 'ok']);
  });

  it('throws a retriable error on, whether from the whole batch or from a message alone', async () => {
    const unavailable = new EarshotError('store unavailable', { retriable: true });
    await expect(runIsolatingPoison([1, 2], { run: stepRefusing(() => unavailable).run, retry: noWait })).rejects.toBe(unavailable);
    let calls = 0;
    const later = stepRefusing((n) => (n === 1 ? (++calls === 1 ? new TypeError('odd') : unavailable) : undefined));
    await expect(runIsolatingPoison([1, 2], { run: later.run, retry: noWait })).rejects.toBe(unavailable);
  });

  it('waits with the back-off between the attempts of one message', async () => {
    const waits: number[] = [];
    const { run } = stepRefusing(() => new RangeError('bad'));
    await runIsolatingPoison([1], { run, retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5, initialDelayMs: 100 } });
    expect(waits).toEqual([100, 200]);
  });
});

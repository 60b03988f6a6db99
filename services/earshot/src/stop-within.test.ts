import { PassThrough } from 'node:stream';
import { createLogger } from '@earshot/observability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopWithin } from './stop-within.js';

describe('stopWithin', () => {
  afterEach(() => vi.useRealTimers());
  const logger = () => {
    const lines: { msg: string; deadlineMs?: number }[] = [];
    const out = new PassThrough();
    out.on('data', (c: Buffer) =>
      lines.push(
        ...c
          .toString()
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ),
    );
    return { lines, logger: createLogger({ level: 'warn', destination: out }) };
  };

  it('gives up at the deadline (less a margin to exit) when stopping hangs, and says so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { lines, logger: log } = logger();
    const result = stopWithin({ stop: () => new Promise(() => {}), deadlineMs: 8000, logger: log });
    await vi.advanceTimersByTimeAsync(6999);
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe('deadline');
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'shutdown deadline reached: exiting; unfinished batches are redelivered after a restart', deadlineMs: 8000 }),
    ]);
  });

  it('returns as soon as every service stopped', async () => {
    const { logger: log } = logger();
    expect(await stopWithin({ stop: async () => {}, deadlineMs: 8000, logger: log })).toBe('stopped');
  });
});

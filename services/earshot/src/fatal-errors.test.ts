import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { createLogger } from '@earshot/observability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFatalHandlers } from './fatal-errors.js';

type Line = { msg: string; level: number; kind?: string; err?: { message: string; stack?: string } };

function setup(stop: () => Promise<void>) {
  const lines: Line[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) =>
    lines.push(
      ...c
        .toString()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Line),
    ),
  );
  const source = new EventEmitter();
  const exits: number[] = [];
  let stops = 0;
  installFatalHandlers({
    source,
    logger: createLogger({ level: 'info', destination: out }),
    stop: () => {
      stops++;
      return stop();
    },
    deadlineMs: 4000,
    exit: (code) => exits.push(code),
  });
  return { lines, source, exits, stops: () => stops };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('installFatalHandlers', () => {
  afterEach(() => vi.useRealTimers());

  it('logs an unhandled rejection with its error, stops in order, and exits 1', async () => {
    const { lines, source, exits, stops } = setup(async () => {});
    source.emit('unhandledRejection', new Error('bus went away'));
    await flush();
    await flush();
    expect(stops()).toBe(1);
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatchObject({ msg: 'unhandledRejection: stopping', level: 60, kind: 'unhandledRejection', err: { message: 'bus went away' } });
    expect(lines[0]!.err!.stack).toContain('bus went away');
  });

  it('exits 1 at the shutdown deadline when the stop hangs, and a second error does not stop twice', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { lines, source, exits, stops } = setup(() => new Promise(() => {}));
    source.emit('uncaughtException', new TypeError('x is undefined'));
    source.emit('unhandledRejection', 'a plain string');
    await vi.advanceTimersByTimeAsync(2999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(exits).toEqual([1]);
    expect(stops()).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual([
      'uncaughtException: stopping',
      'unhandledRejection while stopping',
      'shutdown deadline reached: exiting; unfinished batches are redelivered after a restart',
    ]);
  });
});

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onStopSignals } from './stop-signals.js';

function setup() {
  const source = new EventEmitter();
  const stops: string[] = [];
  const said: string[] = [];
  const signals = onStopSignals({ source, stop: (s) => stops.push(s), say: (l) => said.push(l) });
  return { source, stops, said, signals };
}

describe('onStopSignals', () => {
  it('stops at once on a signal after the start', () => {
    const { source, stops, said, signals } = setup();
    signals.started();
    source.emit('SIGTERM');
    expect(stops).toEqual(['SIGTERM']);
    expect(said).toEqual([]);
  });

  it('holds a signal that comes during the start, says so, and stops once started', () => {
    const { source, stops, said, signals } = setup();
    source.emit('SIGINT');
    expect(stops).toEqual([]);
    expect(said).toEqual(['SIGINT: stopping once the stages have started (SIGINT again quits at once)']);
    signals.started();
    expect(stops).toEqual(['SIGINT']);
  });

  it('stops once however many signals come', () => {
    const { source, stops, signals } = setup();
    source.emit('SIGTERM');
    signals.started();
    source.emit('SIGINT');
    expect(stops).toEqual(['SIGTERM']);
  });

  it('leaves the same signal again to its default action (the handler is installed once)', () => {
    const { source, signals } = setup();
    source.emit('SIGINT');
    expect(source.listenerCount('SIGINT')).toBe(0);
    expect(source.listenerCount('SIGTERM')).toBe(1);
    signals.started();
  });
});

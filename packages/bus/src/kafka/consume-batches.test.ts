import { describe, expect, it } from 'vitest';
import { toBusMessage } from './consume-batches.js';

describe('Kafka messages as bus messages', () => {
  it('gives key, value, string headers (the last of repeated ones), offset and timestamp', () => {
    const m = toBusMessage('mentions.raw', 2, {
      key: Buffer.from('nordtel'),
      value: Buffer.from('{}'),
      headers: { a: Buffer.from('1'), b: 'two', c: [Buffer.from('x'), Buffer.from('y')], d: undefined },
      offset: '41',
      timestamp: '1763632800000',
      attributes: 0,
    });
    expect(m).toEqual({
      topic: 'mentions.raw',
      partition: 2,
      offset: '41',
      key: 'nordtel',
      value: Buffer.from('{}'),
      headers: { a: '1', b: 'two', c: 'y' },
      timestamp: 1763632800000,
    });
  });

  it('reads a missing key and value as empty', () => {
    const m = toBusMessage('t', 0, { key: null, value: null, offset: '0', timestamp: '0', attributes: 0, headers: {} });
    expect(m.key).toBe('');
    expect(m.value.length).toBe(0);
  });
});

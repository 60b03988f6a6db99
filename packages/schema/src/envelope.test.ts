import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type MessageType } from './envelope.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('message envelopes', () => {
  const cases: [string, MessageType][] = [
    ['mention.raw.v1.json', 'mention.raw'],
    ['mention.enriched.v1.json', 'mention.enriched'],
    ['alert.v1.json', 'alert'],
  ];
  it.each(cases)('decodes the %s fixture', (file, type) => {
    const result = decodeMessage(fixture(file), type);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.message.type).toBe(type);
  });

  it('keeps unknown extra fields (tolerant reader)', () => {
    const result = decodeMessage(fixture('mention.raw.v1.json'), 'mention.raw');
    expect(result.ok && (result.message.payload as Record<string, unknown>).futureField).toBe('kept by tolerant readers');
  });

  it('round-trips what it encodes', () => {
    const decoded = decodeMessage(fixture('mention.raw.v1.json'), 'mention.raw');
    if (!decoded.ok) throw new Error(decoded.reason);
    const again = decodeMessage(encodeMessage('mention.raw', decoded.message.payload), 'mention.raw');
    expect(again.ok && again.message.payload).toEqual(decoded.message.payload);
  });

  it.each([
    ['not JSON', Buffer.from('{oops'), /not JSON/],
    ['no envelope', Buffer.from('[1,2]'), /not an envelope/],
    ['unknown version', Buffer.from(JSON.stringify({ type: 'mention.raw', version: 9, id: 'x', createdAt: 'now', payload: {} })), /unknown mention.raw version 9 \(this build reads 1\)/],
    ['wrong type', Buffer.from(JSON.stringify({ type: 'alert', version: 1, id: 'x', createdAt: 'now', payload: {} })), /unexpected message type "alert"/],
    ['bad payload', Buffer.from(JSON.stringify({ type: 'mention.raw', version: 1, id: 'x', createdAt: 'now', payload: { id: 'x' } })), /brandId/],
  ])('rejects %s with a reason instead of throwing', (_name, bytes, reason) => {
    const result = decodeMessage(bytes, 'mention.raw');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

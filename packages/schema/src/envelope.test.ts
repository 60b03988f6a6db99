import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type MessageType } from './envelope.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('message envelopes', () => {
  const cases: [string, MessageType][] = [
    ['mention.raw.v1.json', 'mention.raw'],
    ['mention.enriched.v1.json', 'mention.enriched'],
    ['alert.v1.json', 'alert'],
    ['alert.v1.evidence.json', 'alert'],
    ['alert.command.v1.acknowledge.json', 'alert.command'],
    ['alert.command.v1.silence.json', 'alert.command'],
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

  it("reads an alert's evidence typed, and an alert without evidence as before", () => {
    const withEvidence = decodeMessage(fixture('alert.v1.evidence.json'), 'alert');
    if (!withEvidence.ok) throw new Error(withEvidence.reason);
    const evidence = withEvidence.message.payload.evidence;
    expect(evidence?.mentions.map((m) => [m.id.slice(0, 4), m.reasons])).toEqual([
      ['5f2b', ['most-negative']],
      ['9a8b', ['highest-reach', 'most-negative']],
    ]);
    expect(evidence?.volume).toEqual({ count: 5, baselineMean: 0.8, ratio: 6.3 });
    expect(evidence?.phrases[0]).toEqual({ term: 'подняли цены', count: 3, baselineCount: 0, lift: 9.6 });
    const without = decodeMessage(fixture('alert.v1.json'), 'alert');
    expect(without.ok && without.message.payload.evidence).toBeUndefined();
  });

  it('rejects malformed evidence with a reason naming the field', () => {
    const bad = JSON.parse(fixture('alert.v1.evidence.json').toString()) as { payload: { evidence: { volume: { count: number } } } };
    bad.payload.evidence.volume.count = -1;
    const result = decodeMessage(Buffer.from(JSON.stringify(bad)), 'alert');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/evidence\.volume\.count/);
  });

  it('rejects an alert command of an unknown kind, or one missing what it acts on, naming the field', () => {
    const ack = JSON.parse(fixture('alert.command.v1.acknowledge.json').toString()) as { payload: Record<string, unknown> };
    const unknown = decodeMessage(Buffer.from(JSON.stringify({ ...ack, payload: { ...ack.payload, kind: 'delete' } })), 'alert.command');
    expect(!unknown.ok && unknown.reason).toMatch(/kind/);
    const { alertKey: _dropped, ...withoutKey } = ack.payload;
    const missing = decodeMessage(Buffer.from(JSON.stringify({ ...ack, payload: withoutKey })), 'alert.command');
    expect(!missing.ok && missing.reason).toMatch(/alertKey/);
  });

  it('decodes a topic that carries several types, each with its own schema, and rejects the others naming them', () => {
    const both = ['mention.enriched', 'alert.command'] as const;
    const mention = decodeMessage(fixture('mention.enriched.v1.json'), both);
    const command = decodeMessage(fixture('alert.command.v1.acknowledge.json'), both);
    expect([mention.ok && mention.message.type, command.ok && command.message.type]).toEqual(['mention.enriched', 'alert.command']);
    if (command.ok && command.message.type === 'alert.command') expect(command.message.payload.kind).toBe('acknowledge');
    const raw = decodeMessage(fixture('mention.raw.v1.json'), both);
    expect(!raw.ok && raw.reason).toBe('unexpected message type "mention.raw" (expected "mention.enriched" or "alert.command")');
    const ack = JSON.parse(fixture('alert.command.v1.acknowledge.json').toString()) as { payload: Record<string, unknown> };
    const { alertKey: _dropped, ...withoutKey } = ack.payload;
    const bad = decodeMessage(Buffer.from(JSON.stringify({ ...ack, payload: withoutKey })), both);
    expect(!bad.ok && bad.reason).toMatch(/^invalid alert.command v1 payload: alertKey/);
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
    [
      'unknown version',
      Buffer.from(JSON.stringify({ type: 'mention.raw', version: 9, id: 'x', createdAt: 'now', payload: {} })),
      /unknown mention.raw version 9 \(this build reads 1\)/,
    ],
    ['wrong type', Buffer.from(JSON.stringify({ type: 'alert', version: 1, id: 'x', createdAt: 'now', payload: {} })), /unexpected message type "alert"/],
    ['bad payload', Buffer.from(JSON.stringify({ type: 'mention.raw', version: 1, id: 'x', createdAt: 'now', payload: { id: 'x' } })), /brandId/],
  ])('rejects %s with a reason instead of throwing', (_name, bytes, reason) => {
    const result = decodeMessage(bytes, 'mention.raw');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

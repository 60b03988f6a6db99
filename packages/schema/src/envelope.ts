// Every message on the bus is a versioned envelope. Readers are tolerant: unknown extra fields are
// kept, an unknown type or version is a rejection with a reason (a DLQ outcome), never a throw.
import { z } from 'zod';
import { alertV1, type Alert } from './alert.js';
import { alertCommandV1, type AlertCommand } from './alert-command.js';
import { enrichedMentionV1, rawMentionV1, type EnrichedMention, type RawMention } from './mention.js';

export type MessageType = 'mention.raw' | 'mention.enriched' | 'alert' | 'alert.command';

export interface Envelope<T extends MessageType, P> {
  type: T;
  version: number;
  id: string;
  createdAt: string;
  payload: P;
}

export type RawMentionMessage = Envelope<'mention.raw', RawMention>;
export type EnrichedMentionMessage = Envelope<'mention.enriched', EnrichedMention>;
export type AlertMessage = Envelope<'alert', Alert>;
export type AlertCommandMessage = Envelope<'alert.command', AlertCommand>;
export type AnyMessage = RawMentionMessage | EnrichedMentionMessage | AlertMessage | AlertCommandMessage;
export type PayloadOf<T extends MessageType> = Extract<AnyMessage, { type: T }>['payload'];

/** One decoder per (type, version). Old versions are normalised to the current payload shape here. */
const decoders: Record<MessageType, Record<number, z.ZodType>> = {
  'mention.raw': { 1: rawMentionV1 },
  'mention.enriched': { 1: enrichedMentionV1 },
  alert: { 1: alertV1 },
  'alert.command': { 1: alertCommandV1 },
};

export const CURRENT_VERSION: Record<MessageType, number> = {
  'mention.raw': 1,
  'mention.enriched': 1,
  alert: 1,
  'alert.command': 1,
};

const envelopeShape = z.looseObject({
  type: z.string(),
  version: z.number().int(),
  id: z.string().min(1),
  createdAt: z.string(),
  payload: z.unknown(),
});

export type DecodeResult<M> = { ok: true; message: M } | { ok: false; reason: string };

export function encodeMessage<T extends MessageType>(type: T, payload: PayloadOf<T>, createdAt = new Date()): Buffer {
  const id = (payload as { id?: string; key?: string }).id ?? (payload as { key?: string }).key ?? '';
  const envelope = { type, version: CURRENT_VERSION[type], id, createdAt: createdAt.toISOString(), payload };
  return Buffer.from(JSON.stringify(envelope));
}

/**
 * Decodes bytes or a parsed value into an envelope of the expected type (or of one of the expected
 * types, for a topic that carries several: each is decoded with its own schema), or says why not.
 */
export function decodeMessage<T extends MessageType>(
  input: Buffer | string | unknown,
  expected: T | readonly T[],
): DecodeResult<Extract<AnyMessage, { type: T }>> {
  const types: readonly MessageType[] = typeof expected === 'string' ? [expected] : expected;
  let value: unknown = input;
  if (Buffer.isBuffer(input) || typeof input === 'string') {
    try {
      value = JSON.parse(input.toString());
    } catch (err) {
      return { ok: false, reason: `not JSON: ${(err as Error).message}` };
    }
  }
  const envelope = envelopeShape.safeParse(value);
  if (!envelope.success) return { ok: false, reason: `not an envelope: ${formatIssues(envelope.error)}` };
  const { type, version, payload } = envelope.data;
  if (!types.includes(type as MessageType)) {
    return { ok: false, reason: `unexpected message type "${type}" (expected ${types.map((t) => `"${t}"`).join(' or ')})` };
  }
  const decoder = decoders[type as MessageType][version];
  if (!decoder) {
    const known = Object.keys(decoders[type as MessageType]).join(', ');
    return { ok: false, reason: `unknown ${type} version ${version} (this build reads ${known})` };
  }
  const parsed = decoder.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: `invalid ${type} v${version} payload: ${formatIssues(parsed.error)}` };
  const message = { ...envelope.data, payload: parsed.data } as Extract<AnyMessage, { type: T }>;
  return { ok: true, message };
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

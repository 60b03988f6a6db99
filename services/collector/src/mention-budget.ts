// A raw mention travels as one bus message, and Kafka brokers refuse a message over 1 MiB by default
// (message.max.bytes). One oversized item made every publish of its source fail, so none of that
// source's items got through, poll after poll — and an oversized item is ordinary: a blog post with
// an inline image carries it as a data: URI of megabytes in its markup. A mention over the budget
// loses its markup first (the clean text stays), then the end of its text, then of its title.

import { startOf } from '@earshot/nlp';
import { encodeMessage, type RawMention } from '@earshot/schema';

/** Bytes a raw mention's message may take: under Kafka's default 1 MiB with room for what the enricher adds. */
export const MENTION_MESSAGE_BYTES = 768 * 1024;

/** A mention as published and its message; what was cut to fit is the mention's own `shortened`. */
export interface EncodedMention {
  mention: RawMention;
  value: Buffer;
}

/** The mention's message, the mention cut to fit `budget` bytes where it did not (and marked so). */
export function encodeWithinBudget(mention: RawMention, budget = MENTION_MESSAGE_BYTES): EncodedMention {
  let value = encodeMessage('mention.raw', mention);
  if (value.length <= budget) return { mention, value };
  let fitted: RawMention = mention;
  if (fitted.html !== undefined) {
    const { html: _markup, ...rest } = fitted;
    fitted = { ...rest, shortened: 'markup' };
    value = encodeMessage('mention.raw', fitted);
    if (value.length <= budget) return { mention: fitted, value };
  }
  fitted = { ...fitted, shortened: 'text' };
  value = encodeMessage('mention.raw', fitted);
  for (const field of ['text', 'title'] as const) {
    // Cut in proportion to the excess (a character's bytes vary with script and escaping), again
    // until it fits or the field is empty.
    while (value.length > budget && fitted[field].length > 0) {
      const own = Buffer.byteLength(JSON.stringify(fitted[field]));
      const keep = Math.floor(fitted[field].length * Math.max(0, (own - (value.length - budget)) / own) * 0.99);
      fitted = { ...fitted, [field]: startOf(fitted[field], keep) };
      value = encodeMessage('mention.raw', fitted);
    }
  }
  return { mention: fitted, value };
}

import { describe, expect, it } from 'vitest';
import { decodeMessage, type RawMention } from '@earshot/schema';
import { encodeWithinBudget, MENTION_MESSAGE_BYTES } from './mention-budget.js';

const mention = (fields: Partial<RawMention>): RawMention => ({
  id: 'm1',
  brandId: 'nordtel',
  sourceId: 'blog',
  sourceType: 'rss',
  url: 'https://blog.example/post',
  title: 'Nordtel outage again',
  text: 'Nordtel internet has been down since the morning.',
  collectedAt: '2026-12-04T10:00:00.000Z',
  ...fields,
});
const payload = (value: Buffer) => {
  const decoded = decodeMessage(value, 'mention.raw');
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.message.payload;
};

describe('encodeWithinBudget', () => {
  it('encodes a mention within the budget as it is', () => {
    const m = mention({ html: '<p>Nordtel internet has been down since the morning.</p>' });
    const encoded = encodeWithinBudget(m);
    expect(encoded.mention.shortened).toBeUndefined();
    expect(encoded.mention).toBe(m);
    expect(payload(encoded.value).shortened).toBeUndefined();
    expect(payload(encoded.value)).toEqual(m);
  });

  it('drops the markup of a post with an inline image, keeping its text', () => {
    const image = `<img src="data:image/png;base64,${'iVBORw0KGgo'.repeat(200_000)}">`;
    const m = mention({ html: `<p>Nordtel internet has been down since the morning.</p>${image}` });
    const encoded = encodeWithinBudget(m);
    expect(encoded.mention.shortened).toBe('markup');
    expect(encoded.value.length).toBeLessThanOrEqual(MENTION_MESSAGE_BYTES);
    const { html: _, ...withoutMarkup } = m;
    expect(payload(encoded.value)).toEqual({ ...withoutMarkup, shortened: 'markup' });
  });

  it.each([
    ['English', 'Nordtel support never answered. '],
    ['Hebrew (two bytes a letter)', 'נורדטל לא ענו לי. '],
    ['emoji (surrogate pairs)', 'Nordtel 😡😡 '],
    ['quotes and newlines (escaped in JSON)', '"Nordtel"\n\t'],
  ])('cuts the end of a text too long for one message: %s', (_, unit) => {
    const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const encoded = encodeWithinBudget(mention({ text, html: `<p>${text}</p>` }));
    expect(encoded.mention.shortened).toBe('text');
    expect(encoded.value.length).toBeLessThanOrEqual(MENTION_MESSAGE_BYTES);
    const kept = payload(encoded.value);
    expect(text.startsWith(kept.text)).toBe(true);
    // Most of the budget is used, and no surrogate pair is split.
    expect(encoded.value.length).toBeGreaterThan(0.9 * MENTION_MESSAGE_BYTES);
    expect(kept.text.charCodeAt(kept.text.length - 1)).not.toSatisfy((c: number) => c >= 0xd800 && c <= 0xdbff);
    expect(kept.html).toBeUndefined();
    expect(kept.shortened).toBe('text');
  });

  it('cuts the title when the text is not enough', () => {
    const encoded = encodeWithinBudget(mention({ title: 'Nordtel '.repeat(200_000) }), 64 * 1024);
    expect(encoded.value.length).toBeLessThanOrEqual(64 * 1024);
    expect(encoded.mention.text).toBe('');
    expect(encoded.mention.title.startsWith('Nordtel ')).toBe(true);
    expect(payload(encoded.value).shortened).toBe('text');
  });
});

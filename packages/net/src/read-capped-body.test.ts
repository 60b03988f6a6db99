import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCappedBody } from './read-capped-body.js';

describe('readCappedBody', () => {
  it.each([
    { chunks: ['ok'], cap: 10, text: 'ok', truncated: false },
    { chunks: ['12345', '67890'], cap: 10, text: '1234567890', truncated: false },
    { chunks: ['12345', '67890', 'x'], cap: 10, text: '1234567890', truncated: true },
    { chunks: ['123456789012'], cap: 4, text: '1234', truncated: true },
    { chunks: ['añb'], cap: 2, text: 'a', truncated: true }, // a character cut at the cap is dropped, not mangled
  ])('$chunks with a cap of $cap bytes', async ({ chunks, cap, text, truncated }) => {
    const body = Readable.from(chunks.map((c) => Buffer.from(c)));
    expect(await readCappedBody(body, cap)).toEqual({ text, truncated });
    if (truncated) expect(body.destroyed).toBe(true);
  });
});

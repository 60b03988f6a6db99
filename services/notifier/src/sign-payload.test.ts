import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './sign-payload.js';

describe('webhook signatures', () => {
  const body = '{"type":"alert"}';
  it('is HMAC-SHA256 over "<timestamp>.<body>", hex, with a sha256= prefix', () => {
    // echo -n '1700000000.{"type":"alert"}' | openssl dgst -sha256 -hmac key
    expect(signPayload('key', '1700000000', body)).toBe('sha256=96e7e5a820518cb1e139ab11b65598f0e35af66e5a2059c81ec854a7ed21def6');
  });
  it.each([
    ['the right secret, in time', { secret: 'key', nowSeconds: 1700000100 }, true],
    ['another secret', { secret: 'other', nowSeconds: 1700000100 }, false],
    ['a replay ten minutes later', { secret: 'key', nowSeconds: 1700000600 }, false],
  ])('verifies %s → %s', (_name, opts, expected) => {
    const signature = signPayload('key', '1700000000', body);
    expect(verifySignature({ ...opts, timestamp: '1700000000', body, signature })).toBe(expected);
  });
  it('rejects a tampered body', () => {
    const signature = signPayload('key', '1700000000', body);
    expect(verifySignature({ secret: 'key', timestamp: '1700000000', body: body.replace('alert', 'digest'), signature })).toBe(false);
  });
});

// The webhook signature: HMAC-SHA256 over `<timestamp>.<body>` with the channel's secret, sent as
// `x-earshot-signature: sha256=<hex>` beside `x-earshot-timestamp` (seconds). Signing the timestamp
// lets a receiver refuse replays; `verifySignature` is what a receiver (and our tests) runs.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-earshot-signature';
export const TIMESTAMP_HEADER = 'x-earshot-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifySignature(options: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): boolean {
  const expected = Buffer.from(signPayload(options.secret, options.timestamp, options.body));
  const given = Buffer.from(options.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (options.nowSeconds === undefined) return true;
  return Math.abs(options.nowSeconds - Number(options.timestamp)) <= (options.toleranceSeconds ?? 300);
}

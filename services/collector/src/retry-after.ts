// The Retry-After header (RFC 9110 §10.2.3): seconds, or an HTTP date. A server that says when to
// come back is believed, within a ceiling, so a typo cannot park a source for a year.
export function parseRetryAfter(value: string | undefined, now: Date, maxMs = 24 * 3_600_000): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(maxMs, Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.min(maxMs, Math.max(0, at - now.getTime()));
}

// Short-lived signed tickets for the places a browser cannot send an Authorization header
// (EventSource, download links): `?ticket=` names the token holder and an expiry, signed with a key
// that lives only in this process, or `api.ticketSecret` shared by every replica behind one load
// balancer. The token itself never appears in a URL or an access log.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TicketIssuer {
  issue(tokenName: string): { ticket: string; expiresAt: string };
  /** The token name the ticket was issued to, or undefined when it is forged or expired. */
  verify(ticket: string): string | undefined;
}

export function createTicketIssuer(options: { ttlMs?: number; now?: () => number; secret?: string } = {}): TicketIssuer {
  const key = options.secret ?? randomBytes(32);
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    issue(tokenName) {
      const expires = now() + ttlMs;
      const payload = Buffer.from(JSON.stringify({ n: tokenName, e: expires })).toString('base64url');
      return { ticket: `${payload}.${sign(payload).toString('base64url')}`, expiresAt: new Date(expires).toISOString() };
    },
    verify(ticket) {
      const [payload, signature, extra] = ticket.split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const { n, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { n?: unknown; e?: unknown };
        if (typeof n !== 'string' || typeof e !== 'number' || e < now()) return undefined;
        return n;
      } catch {
        return undefined;
      }
    },
  };
}

// Turns a request into a Principal: `Authorization: Bearer <token>`, or a stream ticket where the
// route allows one. Tokens are looked up by their SHA-256, so no comparison leaks a secret's prefix
// through timing. With no configured tokens, one admin token is generated for this process.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApiToken } from '@earshot/config';
import type { Principal } from './principal.js';
import type { TicketIssuer } from './stream-ticket.js';

export interface Authenticator {
  /** undefined: no credentials given; null: credentials given but wrong. */
  authenticate(req: IncomingMessage, url: URL, acceptsTicket: boolean): Principal | undefined | null;
  byName(name: string): Principal | undefined;
  /** A token of this role for a dashboard link (`#token=`), if one is configured. */
  tokenFor(role: 'read' | 'admin'): string | undefined;
  /** Set when no tokens were configured and one was made up at startup. */
  readonly generated: { name: string; token: string } | undefined;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function createAuthenticator(options: { tokens: ApiToken[]; tickets: TicketIssuer }): Authenticator {
  let tokens = options.tokens;
  let generated: Authenticator['generated'];
  if (tokens.length === 0) {
    generated = { name: 'generated-admin', token: randomBytes(24).toString('base64url') };
    tokens = [{ name: generated.name, token: generated.token, role: 'admin', rateLimit: 600 }];
  }
  const byDigest = new Map<string, Principal>();
  const byName = new Map<string, Principal>();
  for (const t of tokens) {
    const principal: Principal = { name: t.name, role: t.role, rateLimit: t.rateLimit };
    byDigest.set(digest(t.token), principal);
    byName.set(t.name, principal);
  }
  return {
    generated,
    tokenFor: (role) => tokens.find((t) => t.role === role)?.token,
    byName: (name) => byName.get(name),
    authenticate(req, url, acceptsTicket) {
      const header = req.headers.authorization;
      if (header) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
        return (m && byDigest.get(digest(m[1]!))) ?? null;
      }
      const ticket = acceptsTicket ? url.searchParams.get('ticket') : null;
      if (ticket) {
        const name = options.tickets.verify(ticket);
        return (name ? byName.get(name) : undefined) ?? null;
      }
      return undefined;
    },
  };
}

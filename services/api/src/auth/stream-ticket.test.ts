import { describe, expect, it } from 'vitest';
import { createTicketIssuer } from './stream-ticket.js';

describe('stream tickets', () => {
  it('verifies its own tickets until they expire', () => {
    let t = 1_000;
    const issuer = createTicketIssuer({ ttlMs: 60_000, now: () => t });
    const { ticket, expiresAt } = issuer.issue('analysts');
    expect(expiresAt).toBe(new Date(61_000).toISOString());
    expect(issuer.verify(ticket)).toBe('analysts');
    t = 61_001;
    expect(issuer.verify(ticket)).toBeUndefined();
  });

  it.each([
    ['another process’s ticket', () => createTicketIssuer().issue('ops').ticket],
    ['a tampered name', () => 'eyJuIjoib3BzIiwiZSI6OTk5OTk5OTk5OTk5OX0.AAAA'],
    ['garbage', () => 'not-a-ticket'],
  ])('refuses %s', (_name, make) => {
    expect(createTicketIssuer().verify(make())).toBeUndefined();
  });

  it('with a shared ticketSecret, a ticket one replica issued is accepted by another; with another secret it is not', () => {
    const secret = 'a-shared-secret-of-at-least-32-chars!';
    const ticket = createTicketIssuer({ secret }).issue('ops').ticket;
    expect(createTicketIssuer({ secret }).verify(ticket)).toBe('ops');
    expect(createTicketIssuer({ secret: `${secret}x` }).verify(ticket)).toBeUndefined();
    expect(createTicketIssuer().verify(createTicketIssuer().issue('ops').ticket)).toBeUndefined();
  });
});

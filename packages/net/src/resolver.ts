// Name resolution as a dependency: the guarded connector resolves, checks and connects to what it
// checked, and tests (or an operator's own DNS) can stand in for the system resolver.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { bareAddress } from './ip-bytes.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** An IP literal is its own answer; a name goes to the resolver. */
export async function resolveHost(hostname: string, resolve: Resolver): Promise<ResolvedAddress[]> {
  const bare = bareAddress(hostname);
  const family = isIP(bare);
  if (family) return [{ address: bare, family: family === 6 ? 6 : 4 }];
  return resolve(hostname);
}

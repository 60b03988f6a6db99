// An undici Agent that resolves a host, checks every address against the policy and connects only
// to an address it checked: no TCP (or TLS) handshake ever happens with a refused peer, and a name
// that re-resolves to another address (DNS rebinding) cannot slip between the check and the
// connect. For https the hostname is kept for SNI and the certificate check.
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { isIP } from 'node:net';
import { bareAddress } from './ip-bytes.js';
import { createAddressPolicy, type AddressClass } from './private-address.js';
import { systemResolver, type Resolver } from './resolver.js';

export interface GuardedAgentOptions {
  timeoutMs: number;
  /** Connect timeout (default: timeoutMs). */
  connectTimeoutMs?: number;
  /** The address classes this agent may reach: `public` alone unless private networks are allowed. */
  allowed: readonly AddressClass[] | 'any';
  /** Builds the error for a refused peer (each caller has its own error type). */
  refused(hostname: string, address: string): Error;
  resolve?: Resolver;
  /** Extra trusted CA certificates (PEM), for servers with a private CA. */
  ca?: string;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const policy = createAddressPolicy();
  const resolve = options.resolve ?? systemResolver;
  const permitted = (address: string) => options.allowed === 'any' || options.allowed.includes(policy.classify(address));

  /** net.connect's `lookup`: resolve, keep the permitted addresses, hand only those to connect. */
  function guardedLookup(hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void {
    resolve(hostname).then(
      (found) => {
        const family =
          lookupOptions.family === 4 || lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 6 || lookupOptions.family === 'IPv6' ? 6 : undefined;
        const candidates = family ? found.filter((a) => a.family === family) : found;
        const allowed = candidates.filter((a) => permitted(a.address));
        if (allowed.length === 0) return callback(options.refused(hostname, candidates[0]?.address ?? 'no address'), '');
        if (lookupOptions.all) return callback(null, allowed);
        callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  }

  const connect = buildConnector({
    timeout: options.connectTimeoutMs ?? options.timeoutMs,
    lookup: guardedLookup,
    ...(options.ca ? { ca: options.ca } : {}),
  });

  return new Agent({
    connect(opts, callback) {
      // An IP literal is never looked up by net.connect: check it here, before connecting.
      const literal = bareAddress(opts.hostname);
      if (isIP(literal) && !permitted(literal)) return callback(options.refused(opts.hostname, literal), null);
      connect(opts, callback);
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

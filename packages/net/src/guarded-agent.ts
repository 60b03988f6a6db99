// An undici Agent that refuses private-network peers unless allowed. The check runs on the socket's
// remote address after DNS and connect, so neither an IP literal nor a name that re-resolves to a
// private address (DNS rebinding) gets through.
import { Agent, buildConnector } from 'undici';
import { createAddressPolicy } from './private-address.js';

export interface GuardedAgentOptions {
  timeoutMs: number;
  /** Connect timeout (default: timeoutMs). */
  connectTimeoutMs?: number;
  allowPrivateNetwork: boolean;
  /** Builds the error for a refused peer (each caller has its own error type). */
  refused(hostname: string, address: string): Error;
}

export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const policy = createAddressPolicy();
  const connectTcp = buildConnector({ timeout: options.connectTimeoutMs ?? options.timeoutMs });
  return new Agent({
    connect(opts, callback) {
      connectTcp(opts, (err, socket) => {
        if (err || !socket) return callback(err ?? new Error('connect failed'), null);
        const address = socket.remoteAddress ?? '';
        if (!options.allowPrivateNetwork && policy.isPrivate(address)) {
          socket.destroy();
          return callback(options.refused(opts.hostname, address), null);
        }
        callback(null, socket);
      });
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

// The connection options every @platformatic/kafka client of one bus shares (brokers, client id,
// timeouts), built once from our options. Timeouts and retries are bounded so that an unreachable
// or refusing broker fails a call with a reason instead of retrying forever.
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from '@platformatic/kafka';
import type { KafkaBusOptions } from '../kafka-options.js';

export interface PlatformaticConnection {
  clientId: string;
  bootstrapBrokers: string[];
  connectTimeout: number;
  timeout: number;
  retries: number;
  retryDelay: number;
  tls?: ConnectionOptions;
  sasl?: SASLOptions;
}

function tlsOptions(tls: KafkaBusOptions['tls']): ConnectionOptions | undefined {
  if (tls === undefined || tls === false) return undefined;
  if (tls === true) return {};
  return { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized ?? true };
}

function saslOptions(sasl: KafkaBusOptions['sasl']): SASLOptions | undefined {
  if (!sasl) return undefined;
  if (sasl.mechanism === 'oauthbearer') return { mechanism: 'OAUTHBEARER', token: sasl.token };
  const mechanism = sasl.mechanism === 'plain' ? 'PLAIN' : sasl.mechanism === 'scram-sha-256' ? 'SCRAM-SHA-256' : 'SCRAM-SHA-512';
  return { mechanism, username: sasl.username, password: sasl.password };
}

export function platformaticConnection(options: KafkaBusOptions): PlatformaticConnection {
  return {
    clientId: options.clientId,
    bootstrapBrokers: options.brokers,
    connectTimeout: 10_000,
    timeout: 30_000,
    retries: 5,
    retryDelay: 500,
    tls: tlsOptions(options.tls),
    sasl: saslOptions(options.sasl),
  };
}

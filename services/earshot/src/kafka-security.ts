// The bus config's TLS and SASL settings made concrete for the Kafka adapters: PEM values are read
// (pem.ts), an OAUTHBEARER tokenCommand becomes a token
// provider that runs it for each (re)authentication. A file that cannot be read is an error naming
// the setting, at startup.
import { execFile } from 'node:child_process';
import type { KafkaSasl, KafkaTls } from '@earshot/bus';
import type { KafkaSaslConfig, KafkaTlsConfig } from '@earshot/config';
import { pemValue } from './pem.js';

export function kafkaTls(tls: KafkaTlsConfig | undefined): boolean | KafkaTls | undefined {
  if (tls === undefined || typeof tls === 'boolean') return tls;
  return {
    ca: pemValue(tls.ca, 'bus.tls.ca'),
    cert: pemValue(tls.cert, 'bus.tls.cert'),
    key: pemValue(tls.key, 'bus.tls.key'),
    rejectUnauthorized: tls.rejectUnauthorized,
  };
}

/** Runs the configured command (the operator's, from the config file) and takes its trimmed stdout. */
function tokenFromCommand(command: string): () => Promise<string> {
  return () =>
    new Promise((resolveToken, reject) => {
      execFile('/bin/sh', ['-c', command], { timeout: 30_000, maxBuffer: 1024 * 1024 }, (err, stdout) => {
        if (err) return reject(new Error(`bus.sasl.tokenCommand failed: ${err.message}`));
        const token = stdout.trim();
        if (!token) return reject(new Error('bus.sasl.tokenCommand printed no token'));
        resolveToken(token);
      });
    });
}

export function kafkaSasl(sasl: KafkaSaslConfig | undefined): KafkaSasl | undefined {
  if (!sasl) return undefined;
  if (sasl.mechanism === 'oauthbearer') {
    const fixed = sasl.token;
    return { mechanism: 'oauthbearer', token: fixed !== undefined ? async () => fixed : tokenFromCommand(sasl.tokenCommand!) };
  }
  return sasl;
}

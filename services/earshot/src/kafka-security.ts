// The bus config's TLS and SASL settings made concrete for the Kafka adapters: PEM values that are
// paths are read (relative to the working directory), an OAUTHBEARER tokenCommand becomes a token
// provider that runs it for each (re)authentication. A file that cannot be read is an error naming
// the setting, at startup.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KafkaSasl, KafkaTls } from '@earshot/bus';
import type { KafkaSaslConfig, KafkaTlsConfig } from '@earshot/config';

const PEM = /-----BEGIN [A-Z0-9 ]+-----/;

function pemValue(value: string | undefined, setting: string): string | undefined {
  if (value === undefined) return undefined;
  if (PEM.test(value)) return value;
  try {
    const text = readFileSync(resolve(value), 'utf8');
    if (!PEM.test(text)) throw new Error('no PEM block (-----BEGIN …-----) in it');
    return text;
  } catch (err) {
    throw new Error(`${setting}: cannot use ${value} as a PEM file: ${(err as Error).message}`);
  }
}

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

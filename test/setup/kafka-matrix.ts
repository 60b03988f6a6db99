// The second Kafka broker of the integration suite: the other major version than KAFKA_BROKERS runs
// (3.9 beside 4.x, or 4.x beside 3.9), with a SASL_SSL listener, so the bus contract runs on both
// versions and through TLS + SASL. Given by env (KAFKA_MATRIX_BROKERS, KAFKA_SASL_SSL_BROKERS,
// KAFKA_SASL_SSL_CA, KAFKA_SASL_USER, KAFKA_SASL_PASSWORD) or started from infra/local in its own
// EARSHOT_STACK_HOME (downloads shared with the main stack) and stopped again at the end.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { probeKafkaMajorVersion } from '@earshot/bus/kafka';

export const MATRIX_VERSIONS = { 3: '3.9.1', 4: '4.1.1' } as const;

export interface SaslSslBroker {
  brokers: string;
  caFile: string;
  certFile?: string;
  keyFile?: string;
  username: string;
  password: string;
}

export interface KafkaMatrix {
  mainVersion: string;
  matrixBrokers: string;
  matrixVersion: string;
  saslSsl?: SaslSslBroker;
  stop: () => Promise<void>;
}

function defaultStackHome(): string {
  if (process.env.EARSHOT_STACK_HOME) return process.env.EARSHOT_STACK_HOME;
  if (process.getuid?.() === 0) return '/var/lib/earshot-stack';
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'earshot-stack');
}

export async function kafkaMatrix(options: { stack: string; mainBrokers: string }): Promise<KafkaMatrix> {
  const env = process.env;
  const main = await probeKafkaMajorVersion({ brokers: options.mainBrokers.split(',') });
  const other = main === 3 ? 4 : 3;
  const user = env.KAFKA_SASL_USER ?? 'earshot';
  const password = env.KAFKA_SASL_PASSWORD ?? 'earshot-secret';
  if (env.KAFKA_MATRIX_BROKERS) {
    const saslSsl =
      env.KAFKA_SASL_SSL_BROKERS && env.KAFKA_SASL_SSL_CA
        ? { brokers: env.KAFKA_SASL_SSL_BROKERS, caFile: env.KAFKA_SASL_SSL_CA, username: user, password }
        : undefined;
    const matrixVersion = String(await probeKafkaMajorVersion({ brokers: env.KAFKA_MATRIX_BROKERS.split(',') }));
    return { mainVersion: String(main), matrixBrokers: env.KAFKA_MATRIX_BROKERS, matrixVersion, saslSsl, stop: async () => {} };
  }
  const base = defaultStackHome();
  const home = join(base, `kafka-matrix-${other}`);
  const port = Number(env.KAFKA_MATRIX_PORT ?? 19092);
  const stackEnv = {
    ...env,
    EARSHOT_STACK_HOME: home,
    EARSHOT_STACK_DIST: env.EARSHOT_STACK_DIST ?? join(base, 'dist'),
    KAFKA_VERSION: MATRIX_VERSIONS[other],
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(port + 1),
    KAFKA_SASL_SSL_PORT: String(port + 2),
    KAFKA_SASL_USER: user,
    KAFKA_SASL_PASSWORD: password,
    KAFKA_HEAP_OPTS: env.KAFKA_MATRIX_HEAP_OPTS ?? '-Xmx384m -Xms128m',
  };
  process.stdout.write(
    `[global-setup] KAFKA_BROKERS runs Kafka ${main}: starting Kafka ${MATRIX_VERSIONS[other]} from infra/local on 127.0.0.1:${port} (SASL_SSL :${port + 2}, state ${home})…\n`,
  );
  execFileSync(options.stack, ['start', 'kafka'], { stdio: 'inherit', env: stackEnv, timeout: 900_000 });
  const tls = join(home, 'kafka', 'tls');
  if (!existsSync(join(tls, 'ca.crt'))) throw new Error(`infra/local/stack started Kafka without certificates in ${tls}`);
  return {
    mainVersion: String(main),
    matrixBrokers: `127.0.0.1:${port}`,
    matrixVersion: String(other),
    saslSsl: {
      brokers: `127.0.0.1:${port + 2}`,
      caFile: join(tls, 'ca.crt'),
      certFile: join(tls, 'client.crt'),
      keyFile: join(tls, 'client.key'),
      username: user,
      password,
    },
    stop: async () => {
      if (env.EARSHOT_KEEP_STACK === '1') return;
      execFileSync(options.stack, ['stop', 'kafka'], { stdio: 'inherit', env: stackEnv });
    },
  };
}

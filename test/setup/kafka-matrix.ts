// The second Kafka broker of the integration suite: the other major version than KAFKA_BROKERS runs
// (3.9 beside 4.x, or 4.x beside 3.9), with a SASL_SSL listener, so the bus contract runs on both
// versions and through TLS + SASL. Given by env (KAFKA_MATRIX_BROKERS, KAFKA_SASL_SSL_BROKERS,
// KAFKA_SASL_SSL_CA, KAFKA_SASL_USER, KAFKA_SASL_PASSWORD, KAFKA_FAULT_LISTENER) or started from
// infra/local in its own EARSHOT_STACK_HOME (downloads shared with the main stack) and, if this run
// started it, stopped again at the end. Started here, it also has a listener for fault tests
// (KAFKA_FAULT_PORT in the stack).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { probeKafkaMajorVersion } from '@earshot/bus/kafka';
import { stoppedServices } from './stack-services.js';

export const MATRIX_VERSIONS = { 3: '3.9.1', 4: '4.1.1' } as const;

export interface SaslSslBroker {
  brokers: string;
  caFile: string;
  certFile?: string;
  keyFile?: string;
  username: string;
  password: string;
}

/**
 * A listener of the second broker that advertises another port: a test's proxy listens there and
 * forwards to `upstream`, so every connection of a client bootstrapped at the proxy passes it.
 */
export interface FaultListener {
  /** host:port of the broker's listener. */
  upstream: string;
  /** The port it advertises, where the proxy must listen (on 127.0.0.1). */
  proxyPort: number;
}

export interface KafkaMatrix {
  mainVersion: string;
  matrixBrokers: string;
  matrixVersion: string;
  saslSsl?: SaslSslBroker;
  faultListener?: FaultListener;
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
    // host:port of a listener that advertises proxyPort (see FaultListener), as "host:port/proxyPort".
    const fault = /^(.+:\d+)\/(\d+)$/.exec(env.KAFKA_FAULT_LISTENER ?? '');
    const faultListener = fault ? { upstream: fault[1]!, proxyPort: Number(fault[2]) } : undefined;
    return { mainVersion: String(main), matrixBrokers: env.KAFKA_MATRIX_BROKERS, matrixVersion, saslSsl, faultListener, stop: async () => {} };
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
    KAFKA_FAULT_PORT: String(port + 3),
    KAFKA_SASL_USER: user,
    KAFKA_SASL_PASSWORD: password,
    KAFKA_HEAP_OPTS: env.KAFKA_MATRIX_HEAP_OPTS ?? '-Xmx384m -Xms128m',
  };
  process.stdout.write(
    `[global-setup] KAFKA_BROKERS runs Kafka ${main}: starting Kafka ${MATRIX_VERSIONS[other]} from infra/local on 127.0.0.1:${port} (SASL_SSL :${port + 2}, fault-test listener :${port + 3}, state ${home})…\n`,
  );
  const starting = stoppedServices(options.stack, ['kafka'], stackEnv).length > 0;
  execFileSync(options.stack, ['start', 'kafka'], { stdio: 'inherit', env: stackEnv, timeout: 900_000 });
  const tls = join(home, 'kafka', 'tls');
  if (!existsSync(join(tls, 'ca.crt'))) throw new Error(`infra/local/stack started Kafka without certificates in ${tls}`);
  // A broker kept running from before the fault listener existed (EARSHOT_KEEP_STACK=1) has none.
  const faultListener = (await listening(port + 3)) ? { upstream: `127.0.0.1:${port + 3}`, proxyPort: port + 4 } : undefined;
  if (!faultListener) {
    process.stdout.write(
      `[global-setup] the second broker has no fault-test listener on :${port + 3} (started before it existed? stop it with EARSHOT_STACK_HOME=${home} KAFKA_PORT=${port} KAFKA_CONTROLLER_PORT=${port + 1} infra/local/stack stop kafka): the fault tests skip.\n`,
    );
  }
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
    faultListener,
    stop: async () => {
      // A broker another run started (or one kept running) is left to it.
      if (!starting || env.EARSHOT_KEEP_STACK === '1') return;
      execFileSync(options.stack, ['stop', 'kafka'], { stdio: 'inherit', env: stackEnv });
    },
  };
}

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

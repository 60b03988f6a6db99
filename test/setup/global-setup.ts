// Finds real Kafka and Elasticsearch servers for the integration tests, in this order:
//   1. the ones named by KAFKA_BROKERS / ELASTICSEARCH_URL;
//   2. testcontainers, when a Docker engine answers (most developers' laptops);
//   3. the local stack in infra/local (fetched from Maven Central, no Docker needed).
// In CI (CI=true) failing to get them fails the run; elsewhere the tests that need them skip with
// the reason. Beside them a second Kafka broker of the other major version, with a SASL_SSL
// listener, is found or started (kafka-matrix.ts). Servers this setup started are stopped at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { kafkaMatrix } from './kafka-matrix.js';
import { stoppedServices } from './stack-services.js';

const STACK = fileURLToPath(new URL('../../infra/local/stack', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
    elasticsearchUrl: string;
    serversUnavailable: string;
    /** Kafka major version behind kafkaBrokers ("3" or "4"). */
    kafkaVersion: string;
    /** A broker of the other major version ("" when unavailable), and its version. */
    kafkaMatrixBrokers: string;
    kafkaMatrixVersion: string;
    /** JSON of a SaslSslBroker (see kafka-matrix.ts), "" when unavailable. */
    kafkaSaslSsl: string;
    /** JSON of the second broker's FaultListener (see kafka-matrix.ts), "" when unavailable. */
    kafkaFaultListener: string;
  }
}

function dockerAvailable(): boolean {
  if (!existsSync('/var/run/docker.sock') && !process.env.DOCKER_HOST) return false;
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function startWithTestcontainers(): Promise<{ brokers: string; esUrl: string; stop: () => Promise<void> }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const kafka = await new GenericContainer('apache/kafka:3.9.1')
    .withExposedPorts({ container: 9092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const es = await new GenericContainer('docker.elastic.co/elasticsearch/elasticsearch:8.19.7')
    .withExposedPorts(9200)
    .withEnvironment({ 'discovery.type': 'single-node', 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms512m -Xmx512m' })
    .withWaitStrategy(Wait.forHttp('/_cluster/health?wait_for_status=yellow', 9200))
    .withStartupTimeout(180_000)
    .start();
  return {
    brokers: '127.0.0.1:19092',
    esUrl: `http://${es.getHost()}:${es.getMappedPort(9200)}`,
    stop: async () => {
      await es.stop();
      await kafka.stop();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ci = process.env.CI === 'true';
  let brokers = process.env.KAFKA_BROKERS ?? '';
  let esUrl = process.env.ELASTICSEARCH_URL ?? '';
  let unavailable = '';
  let teardown = async () => {};

  if (!brokers || !esUrl) {
    try {
      if (dockerAvailable()) {
        const started = await startWithTestcontainers();
        brokers ||= started.brokers;
        esUrl ||= started.esUrl;
        teardown = started.stop;
      } else {
        const starting = stoppedServices(STACK, ['kafka', 'es']);
        process.stdout.write('[global-setup] no KAFKA_BROKERS/ELASTICSEARCH_URL and no Docker: starting infra/local/stack (Kafka + Elasticsearch)…\n');
        execFileSync(STACK, ['start', 'all'], { stdio: 'inherit', timeout: 1_500_000 });
        brokers ||= `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
        esUrl ||= `http://127.0.0.1:${process.env.ES_PORT ?? 9200}`;
        // Only what this run started is stopped at its end: another run may be using the rest.
        if (starting.length > 0 && process.env.EARSHOT_KEEP_STACK !== '1') {
          teardown = async () => {
            for (const svc of starting) execFileSync(STACK, ['stop', svc], { stdio: 'inherit' });
          };
        }
      }
    } catch (err) {
      unavailable = `Kafka/Elasticsearch unavailable: ${(err as Error).message}`;
      if (ci) throw new Error(`${unavailable} (CI=true: integration tests must not skip)`, { cause: err });
      process.stdout.write(`[global-setup] ${unavailable}; tests that need them will skip.\n`);
    }
  }
  let matrix: Awaited<ReturnType<typeof kafkaMatrix>> | undefined;
  if (brokers) {
    try {
      matrix = await kafkaMatrix({ stack: STACK, mainBrokers: brokers });
    } catch (err) {
      const why = `second Kafka broker (other version, SASL_SSL) unavailable: ${(err as Error).message}`;
      if (ci) {
        await teardown();
        throw new Error(`${why} (CI=true: integration tests must not skip)`, { cause: err });
      }
      process.stdout.write(`[global-setup] ${why}; the tests that need it will skip.\n`);
    }
  }
  const stopServers = teardown;
  teardown = async () => {
    await matrix?.stop();
    await stopServers();
  };
  if (brokers) process.env.KAFKA_BROKERS = brokers;
  if (esUrl) process.env.ELASTICSEARCH_URL = esUrl;
  project.provide('kafkaBrokers', brokers);
  project.provide('elasticsearchUrl', esUrl);
  project.provide('serversUnavailable', unavailable);
  project.provide('kafkaVersion', matrix?.mainVersion ?? '');
  project.provide('kafkaMatrixBrokers', matrix?.matrixBrokers ?? '');
  project.provide('kafkaMatrixVersion', matrix?.matrixVersion ?? '');
  project.provide('kafkaSaslSsl', matrix?.saslSsl ? JSON.stringify(matrix.saslSsl) : '');
  project.provide('kafkaFaultListener', matrix?.faultListener ? JSON.stringify(matrix.faultListener) : '');
  return teardown;
}

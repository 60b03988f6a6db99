// The bus contract on the suite's second broker: the other Kafka major version (3.9 beside 4.x),
// and through its SASL_SSL listener with each mechanism, once per client library. A wrong password
// must fail quickly with an error naming the setting. Brokers come from the global setup.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { busContract } from './contract.js';
import { dropKafkaTopics } from './kafka/drop-topics.js';
import { createKafkaClientBus, KAFKA_CLIENTS, type KafkaClient } from './kafka-client.js';
import type { KafkaBusOptions, KafkaSasl } from './kafka-options.js';
import type { Bus } from './port.js';
import type { SaslSslBroker } from '../../../test/setup/kafka-matrix.js';

const matrixBrokers = inject('kafkaMatrixBrokers');
const matrixVersion = inject('kafkaMatrixVersion');
const saslSsl: SaslSslBroker | undefined = inject('kafkaSaslSsl') ? (JSON.parse(inject('kafkaSaslSsl')) as SaslSslBroker) : undefined;
const run = `mx${Date.now().toString(36)}.`;
let n = 0;
const opened: Bus[] = [];

/** An unsigned JWT (alg none): what the local broker's unsecured OAUTHBEARER validator accepts. */
function unsecuredJwt(sub: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none' })}.${part({ sub, iat: now, exp: now + 3600 })}.`;
}

function connect(client: KafkaClient, options: Omit<KafkaBusOptions, 'clientId' | 'topicPrefix'>): Bus {
  const bus = createKafkaClientBus(client, { clientId: 'earshot-matrix', topicPrefix: run, ...options });
  opened.push(bus);
  return bus;
}

if (!matrixBrokers) {
  it.skip(`bus contract on a second Kafka version (${inject('serversUnavailable') || 'no second broker from the global setup'})`, () => {});
} else {
  for (const client of KAFKA_CLIENTS) {
    busContract(`kafka ${matrixVersion}.x (${client})`, {
      connect: async () => connect(client, { brokers: matrixBrokers.split(',') }),
      unique: () => `v${++n}`,
      timeoutMs: 60_000,
    });
  }
}

if (!saslSsl) {
  it.skip('bus contract through SASL_SSL (no SASL_SSL broker from the global setup)', () => {});
} else {
  const tls = {
    ca: readFileSync(saslSsl.caFile, 'utf8'),
    cert: saslSsl.certFile ? readFileSync(saslSsl.certFile, 'utf8') : undefined,
    key: saslSsl.keyFile ? readFileSync(saslSsl.keyFile, 'utf8') : undefined,
  };
  const scram: KafkaSasl = { mechanism: 'scram-sha-512', username: saslSsl.username, password: saslSsl.password };
  for (const client of KAFKA_CLIENTS) {
    // The whole contract once per client (SCRAM-SHA-512 with a client certificate, like Aiven).
    busContract(`kafka SASL_SSL scram-sha-512 + client certificate (${client})`, {
      connect: async () => connect(client, { brokers: saslSsl.brokers.split(','), tls, sasl: scram }),
      unique: () => `s${++n}`,
      timeoutMs: 60_000,
    });

    describe(`kafka SASL_SSL (${client})`, () => {
      const mechanisms: KafkaSasl[] = [
        { mechanism: 'plain', username: saslSsl.username, password: saslSsl.password },
        { mechanism: 'scram-sha-256', username: saslSsl.username, password: saslSsl.password },
        { mechanism: 'oauthbearer', token: async () => unsecuredJwt(saslSsl.username) },
      ];
      for (const sasl of mechanisms) {
        it(`publishes and reads back with ${sasl.mechanism} and only the CA`, async () => {
          const bus = connect(client, { brokers: saslSsl.brokers.split(','), tls: { ca: tls.ca }, sasl });
          const topic = `a${++n}.${sasl.mechanism}`;
          await bus.publish(topic, [{ key: 'k', value: Buffer.from(`via ${sasl.mechanism}`) }]);
          const got: string[] = [];
          const sub = await bus.subscribe({ groupId: `${topic}.g`, topic, handler: async (batch) => void got.push(...batch.map((m) => m.value.toString())) });
          const deadline = Date.now() + 60_000;
          while (!got.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
          await sub.stop();
          expect(got).toEqual([`via ${sasl.mechanism}`]);
        });
      }

      it('fails a wrong password within seconds, naming the setting', async () => {
        const bus = connect(client, { brokers: saslSsl.brokers.split(','), tls: { ca: tls.ca }, sasl: { ...scram, password: 'not-the-password' } });
        const started = Date.now();
        const err = await bus.publish(`w${++n}.denied`, [{ key: 'k', value: Buffer.from('x') }]).then(
          () => undefined,
          (e: unknown) => e as Error & { retriable?: boolean },
        );
        expect(err?.message).toMatch(/bus\.sasl\.username \/ bus\.sasl\.password/);
        expect(err?.message).toContain(saslSsl.username);
        expect(err?.retriable).toBe(false);
        expect(Date.now() - started).toBeLessThan(30_000);
      });

      it('fails an untrusted broker certificate naming bus.tls.ca', async () => {
        const bus = connect(client, { brokers: saslSsl.brokers.split(','), tls: true, sasl: scram });
        const err = await bus.publish(`u${++n}.untrusted`, [{ key: 'k', value: Buffer.from('x') }]).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(err?.message).toMatch(/bus\.tls\.ca/);
      });
    });
  }
}

afterAll(async () => {
  await Promise.allSettled(opened.map((b) => b.close()));
  // The SASL_SSL listener belongs to the same broker, so this removes its topics too.
  if (matrixBrokers) await dropKafkaTopics({ brokers: matrixBrokers.split(','), topicPrefix: run });
});

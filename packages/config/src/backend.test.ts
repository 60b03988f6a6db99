import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const brands = 'brands:\n  - { id: nordtel, name: Nordtel }\n';

function parse(bus: string, env: Record<string, string> = {}) {
  return parseConfig(`${brands}bus: ${bus}\n`, 'earshot.yaml', { env });
}

function problemsOf(bus: string): string[] {
  try {
    parse(bus);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('kafka bus config', () => {
  it('defaults to the maintained client, the earshot. prefix and creating topics', () => {
    const { bus } = parse('{ kind: kafka, brokers: ["k:9092"] }');
    expect(bus).toMatchObject({ kind: 'kafka', client: 'platformatic', topicPrefix: 'earshot.', createTopics: true, topics: {} });
  });

  it('takes TLS, SASL from the environment and per-topic settings', () => {
    const { bus } = parse(
      '{ kind: kafka, client: kafkajs, brokers: ["k:9096"], createTopics: false, tls: { ca: /etc/ca.pem }, sasl: { mechanism: scram-sha-512, username: earshot, password: "${KAFKA_PASSWORD}" }, topics: { mentions.raw: { partitions: 12, replicationFactor: 3 } } }',
      { KAFKA_PASSWORD: 'pw' },
    );
    expect(bus).toMatchObject({
      client: 'kafkajs',
      createTopics: false,
      tls: { ca: '/etc/ca.pem', rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'earshot', password: 'pw' },
      topics: { 'mentions.raw': { partitions: 12, replicationFactor: 3 } },
    });
  });

  it.each([
    ['an unknown client', '{ kind: kafka, brokers: ["k"], client: rdkafka }', 'bus.client'],
    ['a certificate without its key', '{ kind: kafka, brokers: ["k"], tls: { cert: c.pem } }', 'cert and key go together'],
    ['an unknown mechanism', '{ kind: kafka, brokers: ["k"], sasl: { mechanism: gssapi, username: u, password: p } }', 'bus.sasl'],
    [
      'OAUTHBEARER with neither token nor command',
      '{ kind: kafka, brokers: ["k"], sasl: { mechanism: oauthbearer } }',
      'exactly one of token and tokenCommand',
    ],
    ['a misspelt TLS key', '{ kind: kafka, brokers: ["k"], tls: { cafile: x } }', 'bus.tls'],
  ])('refuses %s', (_, bus, expected) => {
    expect(problemsOf(bus).join('\n')).toContain(expected);
  });
});

describe('elasticsearch store config', () => {
  const store = (body: string) => parseConfig(`${brands}store: ${body}\n`, 'earshot.yaml', { env: {} }).store;
  const problems = (body: string) => {
    try {
      store(body);
    } catch (err) {
      if (err instanceof ConfigError) return err.problems.join('\n');
      throw err;
    }
    return '';
  };

  it('takes a cloud id, a CA fingerprint and a retention', () => {
    expect(store('{ kind: elasticsearch, cloudId: "prod:abc", caFingerprint: "' + 'AB:'.repeat(31) + 'CD", retention: 13mo, apiKey: k }')).toMatchObject({
      cloudId: 'prod:abc',
      retention: '13mo',
    });
  });

  it.each([
    ['both url and cloudId', '{ kind: elasticsearch, url: "http://e:9200", cloudId: "x:y" }', 'exactly one of url and cloudId'],
    ['neither', '{ kind: elasticsearch }', 'exactly one of url and cloudId'],
    ['a retention without unit', '{ kind: elasticsearch, url: "http://e:9200", retention: "13" }', 'a retention like 13mo'],
    ['a short fingerprint', '{ kind: elasticsearch, url: "http://e:9200", caFingerprint: "AB:CD" }', 'SHA-256 fingerprint'],
  ])('refuses %s', (_, body, expected) => {
    expect(problems(body)).toContain(expected);
  });
});

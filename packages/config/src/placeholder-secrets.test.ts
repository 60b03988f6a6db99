import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config.js';
import { placeholderSecrets } from './placeholder-secrets.js';

const example = fileURLToPath(new URL('../../../earshot.example.yaml', import.meta.url));

describe('placeholder secrets', () => {
  it('lists every placeholder of the example config by key, saying what to set', () => {
    expect(placeholderSecrets(loadConfig(example, { env: {} }))).toEqual([
      'api.tokens[0].token: still a placeholder; set EARSHOT_READ_TOKEN to a random token of 16+ characters (for example: openssl rand -base64 24)',
      'api.tokens[1].token: still a placeholder; set EARSHOT_ADMIN_TOKEN to a random token of 16+ characters (for example: openssl rand -base64 24)',
      'channels[0].secret: still a placeholder; set EARSHOT_WEBHOOK_SECRET (the example reads it) to the secret your receiver verifies',
      'channels[1].url: still a placeholder; set EARSHOT_SLACK_WEBHOOK_URL (the example reads it) to your Slack incoming-webhook URL',
      'channels[2].password: still a placeholder; set EARSHOT_SMTP_PASSWORD (the example reads it) to the SMTP password',
    ]);
  });

  it('accepts the example once the variables are set', () => {
    const env = {
      EARSHOT_READ_TOKEN: 'r3ad-8f2a9c1e7b4d6a0f',
      EARSHOT_ADMIN_TOKEN: 'adm1n-5e7c2b9a4f1d8e3c',
      EARSHOT_WEBHOOK_SECRET: 'wh-9a8b7c6d5e4f',
      EARSHOT_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T1A2B3/B4C5D6/abcdef123456',
      EARSHOT_SMTP_PASSWORD: 'smtp-pw-71f3a2',
    };
    expect(placeholderSecrets(loadConfig(example, { env }))).toEqual([]);
  });

  it.each(['please-change-me-now', 'CHANGEME-CHANGEME', 'my-token-change-this!', 'xxxxxxxxxxxxxxxxxxxx'])('refuses %s as a token', (token) => {
    const config = parseConfig(`brands: [{ id: a, name: A }]\napi: { tokens: [{ name: t, token: "${token}" }] }\n`, 'test.yaml');
    expect(placeholderSecrets(config)).toEqual([expect.stringMatching(/^api\.tokens\[0\]\.token: still a placeholder/)]);
  });

  it('accepts a random token', () => {
    const config = parseConfig('brands: [{ id: a, name: A }]\napi: { tokens: [{ name: t, token: "k8Jq2vR5xW9mZ3tB" }] }\n', 'test.yaml');
    expect(placeholderSecrets(config)).toEqual([]);
  });

  it('covers the shared ticket key and the Kafka SASL password too', () => {
    const config = parseConfig(
      'brands: [{ id: a, name: A }]\napi: { ticketSecret: "change-me-to-32-or-more-random-characters" }\nbus: { kind: kafka, brokers: ["k:9092"], sasl: { mechanism: scram-sha-512, username: u, password: change-me } }\n',
      'test.yaml',
    );
    expect(placeholderSecrets(config).map((p) => p.split(':')[0])).toEqual(['api.ticketSecret', 'bus.sasl.password']);
  });
});

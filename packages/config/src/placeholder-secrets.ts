// Secrets left at a placeholder (the example config's `please-change-this-admin-token`, `change-me`,
// the Slack URL ending in /T000/B000/XXXX) would let anyone who read the example in. Earshot refuses
// to start with one, and says what to set. Checked after parsing, so `${VAR:-default}` defaults that
// were not overridden are caught too.
import type { EarshotConfig } from './config.js';

/** The example config's placeholders and the environment variable it reads instead. */
const EXAMPLE_PLACEHOLDERS: Record<string, string> = {
  'please-change-this-read-token': 'EARSHOT_READ_TOKEN',
  'please-change-this-admin-token': 'EARSHOT_ADMIN_TOKEN',
};
const LOOKS_LIKE_PLACEHOLDER = /change[-_ ]?(me|this)|^(secret|password|token|placeholder|example|x+)$/i;
const SLACK_PLACEHOLDER = /\/services\/T0+\/B0+\/X+\/?$/i;

interface Secret {
  path: string;
  value: string | undefined;
  /** What to set, in words. */
  hint: string;
}

function secretsOf(config: EarshotConfig): Secret[] {
  const secrets: Secret[] = config.api.tokens.map((t, i) => ({
    path: `api.tokens[${i}].token`,
    value: t.token,
    hint: `set ${EXAMPLE_PLACEHOLDERS[t.token] ?? 'it'} to a random token of 16+ characters (for example: openssl rand -base64 24)`,
  }));
  config.channels.forEach((c, i) => {
    if (c.type === 'webhook')
      secrets.push({
        path: `channels[${i}].secret`,
        value: c.secret,
        hint: 'set EARSHOT_WEBHOOK_SECRET (the example reads it) to the secret your receiver verifies',
      });
    if (c.type === 'email')
      secrets.push({ path: `channels[${i}].password`, value: c.password, hint: 'set EARSHOT_SMTP_PASSWORD (the example reads it) to the SMTP password' });
    if (c.type === 'slack' && SLACK_PLACEHOLDER.test(c.url))
      secrets.push({
        path: `channels[${i}].url`,
        value: 'change-me',
        hint: 'set EARSHOT_SLACK_WEBHOOK_URL (the example reads it) to your Slack incoming-webhook URL',
      });
  });
  if (config.api.ticketSecret)
    secrets.push({
      path: 'api.ticketSecret',
      value: config.api.ticketSecret,
      hint: 'set it to a random string of 32+ characters shared by the API replicas (for example: openssl rand -base64 32)',
    });
  if (config.bus.kind === 'kafka' && config.bus.sasl && 'password' in config.bus.sasl) {
    secrets.push({ path: 'bus.sasl.password', value: config.bus.sasl.password, hint: 'set the Kafka SASL password' });
  }
  if (config.store.kind === 'elasticsearch') {
    secrets.push({ path: 'store.password', value: config.store.password, hint: 'set the Elasticsearch password' });
    secrets.push({ path: 'store.apiKey', value: config.store.apiKey, hint: 'set the Elasticsearch API key' });
  }
  return secrets;
}

/** One problem per placeholder secret, by key, saying what to set (never echoing a real value). */
export function placeholderSecrets(config: EarshotConfig): string[] {
  return secretsOf(config)
    .filter((s) => s.value !== undefined && (s.value in EXAMPLE_PLACEHOLDERS || LOOKS_LIKE_PLACEHOLDER.test(s.value)))
    .map((s) => `${s.path}: still a placeholder; ${s.hint}`);
}

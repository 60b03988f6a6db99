// Our TLS and SASL settings in kafkajs' terms (its `ssl` and `sasl` client options).
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import type { KafkaBusOptions } from '../kafka-options.js';

export function kafkajsSecurity(options: Pick<KafkaBusOptions, 'tls' | 'sasl'>): Pick<KafkaConfig, 'ssl' | 'sasl' | 'authenticationTimeout'> {
  const { tls, sasl } = options;
  const ssl =
    tls === undefined || tls === false
      ? undefined
      : tls === true
        ? true
        : { ca: tls.ca ? [tls.ca] : undefined, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized ?? true };
  let mechanism: SASLOptions | undefined;
  if (sasl?.mechanism === 'oauthbearer') {
    const token = sasl.token;
    mechanism = { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await token() }) };
  } else if (sasl) {
    mechanism = { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
  }
  return { ssl, sasl: mechanism, authenticationTimeout: 10_000 };
}

// A broker that refuses our credentials or a certificate we do not trust must fail with a message
// naming the setting to fix, whichever client library noticed. Both adapters' error translators ask
// here with the library's own message.
import { authenticationHint, type KafkaBusOptions } from './kafka-options.js';

export type KafkaSecuritySettings = Pick<KafkaBusOptions, 'sasl' | 'tls'>;

/** The setting to look at for this failure, or undefined when it is not about credentials or TLS. */
export function securityHint(message: string, security: KafkaSecuritySettings | undefined): string | undefined {
  if (/sasl|authenticat|illegal sasl state|unsupported sasl/i.test(message)) return authenticationHint(security ?? {});
  if (/self[- ]signed|unable to (get|verify)|certificate|ERR_TLS|altname/i.test(message)) {
    return 'check bus.tls.ca (the broker certificate is not trusted) and the broker address';
  }
  if (/wrong version number|ECONNRESET|socket hang up|EPIPE/i.test(message) && security?.tls) {
    return 'is this a TLS listener? (bus.tls is set)';
  }
  return undefined;
}

// The connection options every @platformatic/kafka client of one bus shares (brokers, client id,
// timeouts), built once from our options. Timeouts and retries are bounded so that an unreachable
// or refusing broker fails a call with a reason instead of retrying forever.
import type { KafkaBusOptions } from '../kafka-options.js';

export interface PlatformaticConnection {
  clientId: string;
  bootstrapBrokers: string[];
  connectTimeout: number;
  timeout: number;
  retries: number;
  retryDelay: number;
}

export function platformaticConnection(options: KafkaBusOptions): PlatformaticConnection {
  return {
    clientId: options.clientId,
    bootstrapBrokers: options.brokers,
    connectTimeout: 10_000,
    timeout: 30_000,
    retries: 5,
    retryDelay: 500,
  };
}

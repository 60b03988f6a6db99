// Which Kafka major version a broker runs, from the API versions it answers with: Kafka 4 dropped
// Fetch versions below 4 (KIP-896), 3.x still takes Fetch v0. Test setup uses it to pick the version
// of the second broker it starts, so the suite covers both 3.x and 4.x.
import { Admin } from '@platformatic/kafka';
import { translatePlatformaticError } from './platformatic-errors.js';

const FETCH = 1;

export async function probeKafkaMajorVersion(options: { brokers: string[] }): Promise<3 | 4> {
  const admin = new Admin({ clientId: 'earshot-probe', bootstrapBrokers: options.brokers, timeout: 10_000, retries: 2 });
  try {
    const apis = await admin.listApis();
    const fetch = apis.find((a) => a.apiKey === FETCH);
    return fetch && fetch.minVersion >= 4 ? 4 : 3;
  } catch (err) {
    throw translatePlatformaticError(err, 'asking the broker for its API versions');
  } finally {
    await admin.close().catch(() => undefined);
  }
}

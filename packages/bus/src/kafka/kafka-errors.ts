// Kafka client errors become EarshotErrors here, at the edge: callers see only whether retrying can
// help (kafkajs marks its errors `retriable`) and the cause, never a kafkajs class or error name.
import { EarshotError } from '@earshot/core';
import { securityHint, type KafkaSecuritySettings } from '../kafka-auth-errors.js';

/**
 * Whether kafkajs says trying again can help. Its retrier wraps the last error of a retry loop it
 * gave up on in a non-retriable error (KafkaJSNumberOfRetriesExceeded, KafkaJSNonRetriableError)
 * whose `cause` is what failed: "not now" rather than "never". So the deepest error of the chain
 * that says decides: a connection closed after the client's own retries is still a broker that may
 * come back, an invalid topic name or a refused authorization is not.
 */
function libraryRetriable(err: unknown): boolean | undefined {
  let verdict: boolean | undefined;
  const seen = new Set<unknown>();
  for (let e = err; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if ('retriable' in e && typeof e.retriable === 'boolean') verdict = e.retriable;
  }
  return verdict;
}

/** Wraps any error thrown by the Kafka client; unknown failures count as retriable (brokers come back). */
export function translateKafkaError(err: unknown, what: string, security?: KafkaSecuritySettings): EarshotError {
  if (err instanceof EarshotError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const hint = securityHint(`${err instanceof Error ? err.name : ''} ${message}`, security);
  if (hint) return new EarshotError(`kafka: ${what}: ${message} — ${hint}`, { code: 'auth', retriable: false, cause: err });
  return new EarshotError(`kafka: ${what}: ${message}`, { retriable: libraryRetriable(err) ?? true, cause: err });
}

/** The broker's "unknown topic" answer, which lag() reads as "nothing pending". */
export function isUnknownTopic(err: unknown): boolean {
  return !!err && typeof err === 'object' && 'type' in err && err.type === 'UNKNOWN_TOPIC_OR_PARTITION';
}

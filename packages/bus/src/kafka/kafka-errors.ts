// Kafka client errors become EarshotErrors here, at the edge: callers see only whether retrying can
// help (kafkajs marks its errors `retriable`) and the cause, never a kafkajs class or error name.
import { EarshotError } from '@earshot/core';
import { securityHint, type KafkaSecuritySettings } from '../kafka-auth-errors.js';

function libraryRetriable(err: unknown): boolean | undefined {
  if (err && typeof err === 'object' && 'retriable' in err && typeof err.retriable === 'boolean') return err.retriable;
  return undefined;
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

// kafkajs errors as its retrier hands them over (the real classes, wrapped the way it wraps them):
// whether the caller may try again later is decided by what failed, not by the retrier's wrapper.
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { translateKafkaError } from './kafka-errors.js';

/** What kafkajs's retrier throws once it stops: retries exceeded, or a non-retriable error seen, with its cause. */
const exhausted = (e: Error) => new KafkaJSNumberOfRetriesExceeded(e, { retryCount: 5, retryTime: 1000 });
// (kafkajs's typings leave out the second argument its retrier passes.)
const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, metadata: { cause: Error }) => KafkaJSNonRetriableError;
const gaveUp = (e: Error) => new NonRetriable(e, { cause: (e as { cause?: Error }).cause ?? e });

describe('translateKafkaError', () => {
  it('keeps a broker that could not be reached retriable after the client gave up retrying', () => {
    const closed = new KafkaJSConnectionError('Closed connection', { broker: '127.0.0.1:9092' });
    for (const err of [closed, exhausted(closed), gaveUp(exhausted(closed))]) {
      const translated = translateKafkaError(err, 'publishing to mentions.raw');
      expect(translated.message).toBe('kafka: publishing to mentions.raw: Closed connection');
      expect(translated.retriable).toBe(true);
    }
  });

  it('keeps what retrying cannot mend non-retriable, wrapped or not', () => {
    const invalid = new KafkaJSNonRetriableError('Invalid topic');
    const denied = new KafkaJSProtocolError({
      message: 'Not authorized to access topics',
      type: 'TOPIC_AUTHORIZATION_FAILED',
      code: 29,
      retriable: false,
    } as never);
    const bug = new TypeError('Cannot read properties of undefined');
    for (const err of [invalid, gaveUp(invalid), denied, gaveUp(denied), gaveUp(bug)]) expect(translateKafkaError(err, 'publishing').retriable).toBe(false);
  });

  it('counts an error that does not say as retriable (brokers come back)', () => {
    expect(translateKafkaError(new Error('socket hang up'), 'publishing').retriable).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EarshotError, isRetriable, retry } from './index.js';

describe('EarshotError codes', () => {
  it.each([
    [{}, 'internal', false],
    [{ retriable: true }, 'unavailable', true],
    [{ code: 'bad_input' as const }, 'bad_input', false],
    [{ code: 'timeout' as const, retriable: true }, 'timeout', true],
    [{ code: 'auth' as const, retriable: false }, 'auth', false],
  ])('%j gives code %s, retriable %s', (options, code, retriable) => {
    const err = new EarshotError('boom', options);
    expect(err).toMatchObject({ name: 'EarshotError', message: 'boom', code, retriable });
    expect(ERROR_CODES).toContain(err.code);
    expect(isRetriable(err)).toBe(retriable);
  });

  it('keeps the cause, and never calls a programming error retriable', () => {
    const cause = new Error('socket closed');
    expect(new EarshotError('kafka: produce', { retriable: true, cause }).cause).toBe(cause);
    expect(isRetriable(new TypeError('x is undefined'))).toBe(false);
  });

  it('retries a retriable error and gives up at once on a bad-input one', async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new EarshotError('down', { retriable: true })) : Promise.resolve('ok'));
    await expect(retry(flaky, { sleep: async () => undefined })).resolves.toBe('ok');
    expect(calls).toBe(3);
    let bad = 0;
    const refused = () => {
      bad++;
      return Promise.reject(new EarshotError('not a feed', { code: 'bad_input' }));
    };
    await expect(retry(refused, { sleep: async () => undefined })).rejects.toMatchObject({ code: 'bad_input' });
    expect(bad).toBe(1);
  });
});

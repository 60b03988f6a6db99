import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { EarshotError } from '@earshot/core';
import { readBulkItems } from './bulk-write.js';
import { bulkItemError, translateEsError } from './es-errors.js';

function responseError(statusCode: number, type: string, reason: string): errors.ResponseError {
  const meta = {
    body: { error: { type, reason }, status: statusCode },
    statusCode,
    headers: {},
    warnings: null,
    meta: {
      context: null,
      name: 'es',
      request: { params: { method: 'POST', path: '/_bulk' }, options: {}, id: 1 },
      connection: null,
      attempts: 0,
      aborted: false,
    },
  };
  return new errors.ResponseError(meta as unknown as ConstructorParameters<typeof errors.ResponseError>[0]);
}

describe('Elasticsearch errors at the edge', () => {
  it.each([
    [429, 'es_rejected_execution_exception', true, 'unavailable'],
    [503, 'unavailable_shards_exception', true, 'unavailable'],
    [400, 'mapper_parsing_exception', false, 'bad_input'],
    [404, 'index_not_found_exception', false, 'bad_input'],
    [401, 'security_exception', false, 'auth'],
  ])('HTTP %i %s is retriable: %s, code %s', (status, type, retriable, code) => {
    const err = translateEsError(responseError(status, type, 'because'), 'bulk write');
    expect(err).toBeInstanceOf(EarshotError);
    expect((err as EarshotError).retriable).toBe(retriable);
    expect((err as EarshotError).code).toBe(code);
    expect(err.message).toContain(`HTTP ${status} ${type}: because`);
  });

  it('treats an unreachable node as retriable and leaves programming errors alone', () => {
    expect((translateEsError(new errors.ConnectionError('connect ECONNREFUSED'), 'search') as EarshotError).retriable).toBe(true);
    expect(translateEsError(new errors.TimeoutError('Request timed out'), 'search')).toMatchObject({ retriable: true, code: 'timeout' });
    const bug = new TypeError('x is undefined');
    expect(translateEsError(bug, 'search')).toBe(bug);
  });

  it('makes a refused bulk item an EarshotError as its status would make a refused request', () => {
    const busy = bulkItemError(429, { type: 'es_rejected_execution_exception', reason: 'queue full' }, 'folding i/a');
    expect(busy).toMatchObject({
      retriable: true,
      code: 'unavailable',
      message: 'elasticsearch: folding i/a: HTTP 429 es_rejected_execution_exception: queue full',
    });
    expect(bulkItemError(400, { type: 'document_parsing_exception', reason: 'bad' }, 'folding i/b')).toMatchObject({ retriable: false, code: 'bad_input' });
  });

  it('reads bulk items: written, rejected with the reason, 429/5xx as retriable, missing deletes ignored', () => {
    const result = readBulkItems([
      { index: { _index: 'i', _id: 'a', status: 201 } },
      { index: { _index: 'i', _id: 'b', status: 400, error: { type: 'document_parsing_exception', reason: 'failed to parse field [rating]' } } },
      { delete: { _index: 'j', _id: 'c', status: 404 } },
    ]);
    expect(result).toEqual({ written: 1, rejected: [{ id: 'b', reason: 'document_parsing_exception: failed to parse field [rating]' }], retriable: undefined });
    const busy = readBulkItems([{ index: { _index: 'i', _id: 'a', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } }]);
    expect(busy.retriable).toMatch(/HTTP 429 es_rejected_execution_exception/);
  });
});

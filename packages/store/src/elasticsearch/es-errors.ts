// Elasticsearch client errors become EarshotErrors here, at the edge: 429, 5xx, timeouts and
// unreachable nodes are retriable (the batch is redelivered later, nothing committed); other
// refusals are not. Nothing outside this folder sees an Elasticsearch error class.
import { errors } from '@elastic/elasticsearch';
import { EarshotError, type ErrorCode } from '@earshot/core';

export function isRetriableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** The `type: reason` Elasticsearch gives for a refusal, for logs and the DLQ. */
export function describeEsError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { type?: unknown; reason?: unknown; caused_by?: { type?: unknown; reason?: unknown } };
    const own = [e.type, e.reason].filter((x) => typeof x === 'string').join(': ');
    const cause = e.caused_by ? describeEsError(e.caused_by) : '';
    return [own, cause].filter(Boolean).join(' (caused by ') + (cause ? ')' : '') || JSON.stringify(error);
  }
  return String(error);
}

/** 401/403 are refused credentials, 408 a timeout, other 4xx a bad request, the rest an outage. */
function statusCode(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 429 || status >= 500) return 'unavailable';
  return status >= 400 ? 'bad_input' : 'internal';
}

/** One item of a bulk request refused, as the EarshotError a request refused with its status would be. */
export function bulkItemError(status: number, error: unknown, what: string): EarshotError {
  return new EarshotError(`elasticsearch: ${what}: HTTP ${status} ${describeEsError(error)}`, {
    code: statusCode(status),
    retriable: isRetriableStatus(status),
  });
}

export function statusOf(err: unknown): number | undefined {
  return err instanceof errors.ResponseError ? (err.meta.statusCode ?? undefined) : undefined;
}

export function translateEsError(err: unknown, what: string): Error {
  if (err instanceof EarshotError) return err;
  if (err instanceof errors.ResponseError) {
    const status = err.meta.statusCode ?? 0;
    const body = err.meta.body as { error?: unknown } | undefined;
    const reason = body && typeof body === 'object' && body.error ? describeEsError(body.error) : err.message;
    return new EarshotError(`elasticsearch: ${what}: HTTP ${status} ${reason}`, { code: statusCode(status), retriable: isRetriableStatus(status), cause: err });
  }
  if (err instanceof errors.ConnectionError || err instanceof errors.TimeoutError || err instanceof errors.NoLivingConnectionsError) {
    return new EarshotError(`elasticsearch: ${what}: unavailable (${err.message})`, {
      code: err instanceof errors.TimeoutError ? 'timeout' : 'unavailable',
      retriable: true,
      cause: err,
    });
  }
  if (err instanceof errors.ElasticsearchClientError) {
    return new EarshotError(`elasticsearch: ${what}: ${err.message}`, { retriable: false, cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

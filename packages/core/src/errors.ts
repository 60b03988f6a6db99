// Errors that cross a port carry a `code` (error-codes.ts), whether retrying can help and what
// caused them (the kafkajs habit). Adapters translate library errors into these at the edge.
import { defaultErrorCode, type ErrorCode } from './error-codes.js';

export class EarshotError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;
  constructor(message: string, options: { code?: ErrorCode; retriable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'EarshotError';
    this.retriable = options.retriable ?? false;
    this.code = options.code ?? defaultErrorCode(this.retriable);
  }
}

/** Programming errors are never retried; infrastructure errors are when they say so. */
export function isRetriable(err: unknown): boolean {
  if (err instanceof EarshotError) return err.retriable;
  if (err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError || err instanceof ReferenceError) return false;
  return false;
}

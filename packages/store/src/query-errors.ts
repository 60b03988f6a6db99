// The two ways a read can be refused for its cost, as values callers can tell apart: the search
// text is too big to run (the caller's fault: an HTTP 400), or the query ran past its deadline or
// found every reader busy (the store's limit: a 503 with a hint to narrow the query or retry).
import { EarshotError } from '@earshot/core';

/** Search text over the term count or term length caps; the message names the limit. */
export class TextQueryError extends EarshotError {
  constructor(message: string) {
    super(message, { code: 'bad_input', retriable: false });
    this.name = 'TextQueryError';
  }
}

/** A read abandoned at its deadline, or refused because too many reads were already waiting. */
export class QueryLimitError extends EarshotError {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'busy',
  ) {
    super(message, { code: reason === 'timeout' ? 'timeout' : 'unavailable', retriable: true });
    this.name = 'QueryLimitError';
  }

  /** A read stopped at its budget: the same words from every adapter, naming the budget. */
  static timeout(budgetMs: number): QueryLimitError {
    return new QueryLimitError(`the query took longer than ${budgetMs} ms and was stopped; narrow the search text or the filters`, 'timeout');
  }
}

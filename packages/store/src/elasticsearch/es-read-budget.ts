// The time budget every Elasticsearch read runs under (searches, counts, aggregations, stories,
// alerts, fingerprints), said once here. Elasticsearch is asked to stop at the budget (`timeout`,
// best effort: it looks at the clock while collecting, not while rewriting a query or fetching), and
// the client stops waiting a grace later (closing the connection cancels the search on the cluster),
// so no read holds an API request or a search thread for long. Either way the caller gets the
// QueryLimitError the SQLite readers give, which the API answers with a 503 naming the budget.
//
// A search of mentions cut short keeps what it found, flagged `partial`: a page of mentions is still
// useful and the result says it is incomplete. A count, an aggregation or any other read cut short
// is refused instead: the port returns bare numbers and lists with no room for a flag, and an
// undercount (a dashboard trend, an alerter baseline) is wrong, not partial.
import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import { QueryLimitError } from '../query-errors.js';

/** The longest the client waits beyond the budget for a cluster that does not stop by itself. */
const MAX_GRACE_MS = 5000;

export interface ReadDeadline {
  /** The read's budget (ms), for messages. */
  readonly budgetMs: number;
  /** The `timeout` body parameter and the transport's `requestTimeout` for the read's next request, from the time left. */
  next(): { body: { timeout: string }; transport: { requestTimeout: number } };
  /** The response, unless Elasticsearch says it stopped at the budget (then a QueryLimitError). */
  whole<T extends { timed_out?: boolean }>(response: T): T;
  /** The client giving up at the deadline as a QueryLimitError; any other error unchanged. */
  translate(err: unknown): unknown;
}

/** A deadline for one read: all its requests (an aggregation's pages) share the budget. */
export function readDeadline(budgetMs: number, now: () => number = Date.now): ReadDeadline {
  if (!(budgetMs >= 0)) throw new RangeError(`elasticsearch store: the query timeout must be a number of ms ≥ 0, not ${budgetMs}`);
  const end = now() + budgetMs;
  const grace = Math.min(Math.max(budgetMs, 1), MAX_GRACE_MS);
  return {
    budgetMs,
    next() {
      const left = Math.ceil(end - now());
      if (left <= 0) throw QueryLimitError.timeout(budgetMs);
      return { body: { timeout: `${left}ms` }, transport: { requestTimeout: left + grace } };
    },
    whole(response) {
      if (response.timed_out) throw QueryLimitError.timeout(budgetMs);
      return response;
    },
    translate: (err) => (err instanceof errors.TimeoutError ? QueryLimitError.timeout(budgetMs) : err),
  };
}

/** One search request of a read under its deadline, refused when Elasticsearch stopped it at the budget. */
export async function searchWithin<T = unknown>(client: Client, deadline: ReadDeadline, request: estypes.SearchRequest): Promise<estypes.SearchResponse<T>> {
  const { body, transport } = deadline.next();
  try {
    return deadline.whole(await client.search<T>({ ...request, ...body }, transport));
  } catch (err) {
    throw deadline.translate(err);
  }
}

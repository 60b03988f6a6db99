// A brand query that does not parse must say where: brand definitions are written by people in a
// config file, and "unexpected ')' at 17" with a caret under it is what lets them fix it. A long
// query is shown around the position only, so the message stays readable.

/** Characters of the query shown on each side of the position when the query is longer than twice this. */
const EXCERPT_SIDE = 60;

export class QueryParseError extends Error {
  readonly position: number;
  readonly query: string;

  constructor(reason: string, query: string, position: number) {
    const from = query.length > 2 * EXCERPT_SIDE ? Math.max(0, position - EXCERPT_SIDE) : 0;
    const to = query.length > 2 * EXCERPT_SIDE ? Math.min(query.length, position + EXCERPT_SIDE) : query.length;
    const excerpt = `${from > 0 ? '…' : ''}${query.slice(from, to)}${to < query.length ? '…' : ''}`;
    super(`${reason} at position ${position}\n  ${excerpt}\n  ${' '.repeat(position - from + (from > 0 ? 1 : 0))}^`);
    this.name = 'QueryParseError';
    this.position = position;
    this.query = query;
  }
}

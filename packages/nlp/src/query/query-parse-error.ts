// A brand query that does not parse must say where: brand definitions are written by people in a
// config file, and "unexpected ')' at 17" with a caret under it is what lets them fix it.

export class QueryParseError extends Error {
  readonly position: number;
  readonly query: string;

  constructor(reason: string, query: string, position: number) {
    super(`${reason} at position ${position}\n  ${query}\n  ${' '.repeat(position)}^`);
    this.name = 'QueryParseError';
    this.position = position;
    this.query = query;
  }
}

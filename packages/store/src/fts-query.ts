// Turns a user's search text into a safe full-text query: words and "quoted phrases", all required.
// Operators, columns and other syntax in the input are treated as plain words, so a query string can
// never become FTS5 (or Elasticsearch) syntax.
export interface TextQuery {
  terms: string[];
  phrases: string[];
}

export function parseTextQuery(input: string): TextQuery {
  const phrases: string[] = [];
  const rest = input.replace(/"([^"]*)"/g, (_m, phrase: string) => {
    const words = phrase.match(/[\p{L}\p{N}]+/gu);
    if (words?.length) phrases.push(words.join(' '));
    return ' ';
  });
  const terms = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  return { terms, phrases };
}

/** FTS5 MATCH expression: every term and phrase quoted, joined with AND. Empty when nothing is searchable. */
export function toFts5(query: TextQuery): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const parts = [...query.terms.map((t) => `${quote(t)}*`), ...query.phrases.map(quote)];
  return parts.join(' AND ');
}

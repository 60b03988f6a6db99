// The parsed form of a brand query: what the parser builds and the compiler turns into a matcher.

export type QueryNode =
  | { type: 'term'; value: string; pos: number }
  | { type: 'phrase'; words: string[]; pos: number }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'near'; left: QueryNode; right: QueryNode; distance: number };

// A WHERE clause built from optional filters, for the SQLite adapter's mention and story searches:
// each condition is SQL with `?` placeholders and its values are bound into `params`, never spliced
// into the text, so no user value can become SQL.
export interface SqlWhere {
  /** `column IN (?, …)`; nothing when no value is given. */
  in(column: string, values: readonly (string | undefined)[] | undefined): void;
  /** `EXISTS (subquery)`, the subquery built around the placeholder list; nothing when no value is given. */
  existsIn(subquery: (placeholders: string) => string, values: readonly string[] | undefined): void;
  /** A condition with one `?`; nothing when the value is undefined. */
  bound(sql: string, value: number | string | undefined): void;
  /** A condition as it is (its values, if any, bound in order). */
  add(sql: string, ...values: unknown[]): void;
  /** The conditions joined with AND, or `1 = 1` when there are none. */
  sql(): string;
}

export function sqlWhere(params: unknown[]): SqlWhere {
  const clauses: string[] = [];
  const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');
  const defined = (values: readonly (string | undefined)[] | undefined) => values?.filter((v): v is string => v !== undefined) ?? [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  return {
    add,
    in(column, values) {
      const list = defined(values);
      if (list.length) add(`${column} IN (${placeholders(list)})`, ...list);
    },
    existsIn(subquery, values) {
      const list = defined(values);
      if (list.length) add(`EXISTS (${subquery(placeholders(list))})`, ...list);
    },
    bound(sql, value) {
      if (value !== undefined) add(sql, value);
    },
    sql() {
      return clauses.length ? clauses.join(' AND ') : '1 = 1';
    },
  };
}

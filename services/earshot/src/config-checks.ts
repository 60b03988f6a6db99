// The offline checks a config gets beyond its shape, wired once for `config check` and every
// service start: source types the collector knows, brand and exclusion queries that parse (with
// the parser's caret excerpt).
import type { ConfigChecks } from '@earshot/config';
import { createSourceTypes } from '@earshot/collector';
import { compileBrandQuery, QueryParseError } from '@earshot/nlp';

export function configChecks(): ConfigChecks {
  return {
    sourceTypes: [...createSourceTypes().keys()],
    brandQuery(query) {
      try {
        compileBrandQuery(query);
        return undefined;
      } catch (err) {
        if (err instanceof QueryParseError) return err.message;
        throw err;
      }
    },
  };
}

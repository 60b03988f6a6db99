// The offline checks a config gets beyond its shape, wired once for `config check` and every
// service start: source types the collector knows, brand and exclusion queries that parse (with
// the parser's caret excerpt). Both come from light entries — the source type names without their
// parsers, the query language without the language models — because every command that loads a
// config runs these checks, `earshot search` included.
import type { ConfigChecks } from '@earshot/config';
import { SOURCE_TYPE_NAMES } from '@earshot/collector/source-type-names';
import { compileBrandQuery, QueryParseError } from '@earshot/nlp/query';

export function configChecks(): ConfigChecks {
  return {
    sourceTypes: SOURCE_TYPE_NAMES,
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

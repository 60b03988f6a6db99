// The `@earshot/nlp/query` entry: the brand-query language alone (parse, compile, match), which
// loads no language model. Checking a config's brand queries (every command that loads a config)
// and matching them (the collector) need only this; the models load with the package's main entry.
export { compileBrandQuery, type BrandQuery } from './compile-brand-query.js';
export { QueryParseError } from './query-parse-error.js';
export { compileBrandMatcher, type AccountRole, type BrandItem, type BrandMatcher, type BrandMatcherOptions, type MatchedBy } from './compile-brand-matcher.js';
export { QUERY_LIMITS } from './query-limits.js';

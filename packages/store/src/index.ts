// @earshot/store: the port and what is pure about it (text queries, query errors, time zones,
// insights computed through the port). No adapter: those are subpath exports
// (`@earshot/store/sqlite`, `@earshot/store/elasticsearch`) that only the composition root and
// tests import, so a stage never loads better-sqlite3 or the Elasticsearch client.
export * from './port.js';
export * from './fts-query.js';
export * from './query-errors.js';
export * from './time.js';
export * from './time-zone.mjs';
export * from './insights/brand-overview.js';

export * from './port.js';
export * from './fts-query.js';
export * from './query-errors.js';
export * from './time.js';
export * from './sqlite-store.js';
export * from './elasticsearch/elasticsearch-store.js';
export * from './elasticsearch/mapping.js';

export * from './collector.js';
export * from './source-type.js';
export * from './source-types.js';
export * from './source-type-names.js';
export * from './http-fetcher.js';
export * from './to-mentions.js';
export * from './near-duplicates.js';
export * from './fetch-jobs.js';

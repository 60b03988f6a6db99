export * from './feed-model.js';
export * from './parse-feed.js';
export * from './parse-date.js';
export * from './detect-encoding.js';
export * from './xml-tree.js';
export * from './entry-text.js';
export * from './feed-trailer.js';
export * from './html-to-text.js';

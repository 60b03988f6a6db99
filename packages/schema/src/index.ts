export * from './topics.js';
export * from './mention.js';
export * from './mention-labels.js';
export * from './alert.js';
export * from './alert-evidence.js';
export * from './envelope.js';
export * from './mention-id.js';
export * from './story.js';

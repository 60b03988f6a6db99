export * from './outcome.js';
export * from './dlq.js';
export * from './stage-runner.js';
export * from './deps.js';

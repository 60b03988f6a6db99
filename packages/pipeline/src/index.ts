export * from './outcome.js';
export * from './dlq.js';
export * from './isolate-poison.js';
export * from './stage-runner.js';
export * from './consuming-stage.js';
export * from './deps.js';

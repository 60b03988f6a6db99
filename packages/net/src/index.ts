export * from './private-address.js';
export * from './resolver.js';
export * from './guarded-agent.js';
export * from './read-capped-body.js';

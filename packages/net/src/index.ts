export * from './private-address.js';
export * from './guarded-agent.js';

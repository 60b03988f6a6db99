export * from './logger.js';
export * from './metrics.js';
export * from './service.js';
export * from './health-server.js';

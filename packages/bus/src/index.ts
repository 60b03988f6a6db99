export * from './port.js';
export * from './partition.js';
export * from './embedded-bus.js';

export * from './port.js';
export * from './partition.js';
export * from './embedded-bus.js';
export * from './kafka/kafka-bus.js';
export * from './kafka/drop-topics.js';
export * from './kafka-options.js';
export * from './platformatic/platformatic-bus.js';
export * from './kafka-client.js';

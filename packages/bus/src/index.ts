// @earshot/bus: the port and what is pure about it (partitioning, Kafka options and topic plan).
// No adapter: those are subpath exports (`@earshot/bus/kafka`, `@earshot/bus/embedded`) that only
// the composition root and tests import, so a stage never loads a client library.
export * from './port.js';
export * from './partial-ack.js';
export * from './partition.js';
export * from './kafka-options.js';
export * from './topic-plan.js';

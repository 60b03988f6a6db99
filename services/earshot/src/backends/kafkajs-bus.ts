// The Kafka bus on kafkajs (`bus.client: kafkajs`), loaded by adapters.ts only when the config
// chooses it; why through this file: backends/embedded-bus.ts.
export { createKafkaBus } from '@earshot/bus/kafkajs';

// The Kafka bus (kafkajs or @platformatic/kafka), loaded by adapters.ts only when the config
// chooses it; why through this file: backends/embedded-bus.ts.
export { createKafkaClientBus } from '@earshot/bus/kafka';

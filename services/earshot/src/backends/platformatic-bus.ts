// The Kafka bus on @platformatic/kafka (`bus.client: platformatic`, the default), loaded by
// adapters.ts only when the config chooses it; why through this file: backends/embedded-bus.ts.
export { createPlatformaticBus } from '@earshot/bus/platformatic';

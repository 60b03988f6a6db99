// What the composition root hands every stage: the parsed config, the two ports, a logger and the
// metrics registry. Stages take this one object and nothing global.
import type { Bus } from '@earshot/bus';
import type { EarshotConfig } from '@earshot/config';
import type { Logger, Metrics } from '@earshot/observability';
import type { MentionStore } from '@earshot/store';

export interface StageDeps {
  config: EarshotConfig;
  bus: Bus;
  store: MentionStore;
  logger: Logger;
  metrics: Metrics;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
}

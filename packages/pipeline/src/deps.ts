// What the composition root hands every stage: the parsed config, the bus, the store, a logger and
// the metrics registry. Stages take this one object and nothing global. The store is the whole
// adapter by default; a stage names the store port(s) it uses (`StageDeps<MentionIndex>`), so it
// depends on nothing more.
import type { Bus } from '@earshot/bus';
import type { EarshotConfig } from '@earshot/config';
import type { Logger, Metrics } from '@earshot/observability';
import type { MentionStore } from '@earshot/store';

export interface StageDeps<S = MentionStore> {
  config: EarshotConfig;
  bus: Bus;
  store: S;
  logger: Logger;
  metrics: Metrics;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
}

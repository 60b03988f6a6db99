// The stages this process can run, by name. What each consuming stage reads (group and topic, used
// for lag and to tell when the pipeline has drained) is read from the stage itself
// (`consumingStage` in @earshot/pipeline), so each group id is defined once.
import { createAlerter } from '@earshot/alerter';
import { createApi } from '@earshot/api';
import { createCollector, type Collector } from '@earshot/collector';
import { createEnricher } from '@earshot/enricher';
import { createIndexer } from '@earshot/indexer';
import { createNotifier } from '@earshot/notifier';
import type { Service } from '@earshot/observability';
import { consumesOf, type Consumes, type StageDeps } from '@earshot/pipeline';
import type { StageName } from './stage-names.js';

export { PIPELINE_STAGES, STAGE_NAMES, type StageName } from './stage-names.js';

export interface StageEntry {
  create(deps: StageDeps): Service;
}

export const STAGES: Record<StageName, StageEntry> = {
  collector: { create: (deps) => createCollector(deps) },
  enricher: { create: (deps) => createEnricher(deps) },
  indexer: { create: (deps) => createIndexer(deps) },
  alerter: { create: (deps) => createAlerter(deps) },
  notifier: { create: (deps) => createNotifier(deps) },
  api: { create: (deps) => createApi(deps) },
};

/**
 * What the running stages consume, for lag and draining. The collector consumes only its own fetch
 * jobs (collector.jobs) while it runs, and the API only watches: neither is a consuming stage, so
 * neither counts for draining.
 */
export function consumersOf(services: Service[]): (Consumes & { stage: string })[] {
  return services.flatMap((service) => {
    const consumes = consumesOf(service);
    return consumes ? [{ stage: service.id, ...consumes }] : [];
  });
}

export function isCollector(service: Service): service is Collector {
  return service.id === 'collector' && 'collectOnce' in service;
}

export function isApi(service: Service): service is ReturnType<typeof createApi> {
  return service.id === 'api' && 'dashboardUrl' in service;
}

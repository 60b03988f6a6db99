// The stages this process can run, by name, and the consumer group each one reads with (used to
// tell when the pipeline has drained).
import { createAlerter } from '@earshot/alerter';
import { createApi } from '@earshot/api';
import { createCollector, type Collector } from '@earshot/collector';
import { createEnricher } from '@earshot/enricher';
import { createIndexer } from '@earshot/indexer';
import { createNotifier } from '@earshot/notifier';
import type { Service } from '@earshot/observability';
import type { StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';

export const STAGE_NAMES = ['collector', 'enricher', 'indexer', 'alerter', 'notifier', 'api'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The pipeline proper: what `run --once` starts and drains (the API only watches). */
export const PIPELINE_STAGES: StageName[] = ['collector', 'enricher', 'indexer', 'alerter', 'notifier'];

export interface StageEntry {
  create(deps: StageDeps): Service;
  /**
   * What the stage consumes, for lag and draining. The collector consumes only its own fetch jobs
   * (collector.jobs) while it runs, and the API only watches: neither counts for draining.
   */
  consumes?: { groupId: string; topic: string };
}

export const STAGES: Record<StageName, StageEntry> = {
  collector: { create: (deps) => createCollector(deps) },
  enricher: { create: (deps) => createEnricher(deps), consumes: { groupId: 'earshot-enricher', topic: TOPICS.raw } },
  indexer: { create: (deps) => createIndexer(deps), consumes: { groupId: 'earshot-indexer', topic: TOPICS.enriched } },
  alerter: { create: (deps) => createAlerter(deps), consumes: { groupId: 'earshot-alerter', topic: TOPICS.byBrand } },
  notifier: { create: (deps) => createNotifier(deps), consumes: { groupId: 'earshot-notifier', topic: TOPICS.alerts } },
  api: { create: (deps) => createApi(deps) },
};

export function isCollector(service: Service): service is Collector {
  return service.id === 'collector' && 'collectOnce' in service;
}

export function isApi(service: Service): service is ReturnType<typeof createApi> {
  return service.id === 'api' && 'dashboardUrl' in service;
}

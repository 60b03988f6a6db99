// The stages this process can run, by name, and the consumer group each one reads with (used to
// tell when the pipeline has drained).
import { createCollector, type Collector } from '@earshot/collector';
import { createEnricher } from '@earshot/enricher';
import { createIndexer } from '@earshot/indexer';
import type { Service } from '@earshot/observability';
import type { StageDeps } from '@earshot/pipeline';
import { TOPICS } from '@earshot/schema';

export const STAGE_NAMES = ['collector', 'enricher', 'indexer'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageEntry {
  create(deps: StageDeps): Service;
  /** What the stage consumes, for lag and draining; the collector consumes nothing. */
  consumes?: { groupId: string; topic: string };
}

export const STAGES: Record<StageName, StageEntry> = {
  collector: { create: (deps) => createCollector(deps) },
  enricher: { create: (deps) => createEnricher(deps), consumes: { groupId: 'earshot-enricher', topic: TOPICS.raw } },
  indexer: { create: (deps) => createIndexer(deps), consumes: { groupId: 'earshot-indexer', topic: TOPICS.enriched } },
};

export function isCollector(service: Service): service is Collector {
  return service.id === 'collector' && 'collectOnce' in service;
}

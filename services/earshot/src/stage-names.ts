// The names of the stages this process can run, apart from the stages themselves (stages.ts), so
// that defining the commands (`earshot collector`, `run --help`) loads none of the stages' code.
export const STAGE_NAMES = ['collector', 'enricher', 'indexer', 'alerter', 'notifier', 'api'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The pipeline proper: what `run --once` starts and drains (the API only watches). */
export const PIPELINE_STAGES: StageName[] = ['collector', 'enricher', 'indexer', 'alerter', 'notifier'];

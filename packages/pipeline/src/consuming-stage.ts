// A stage that consumes one topic, wired once: the stage runner, the service shape (id, start, stop,
// health) and the consumer group (`earshot-<name>` unless overridden). The stage says what it
// consumes (`consumes`), so the composition root reads the group and topic for lag and draining
// from the stage itself instead of repeating them. Stages with more to start or report (timers,
// outboxes) spread this service and wrap its start/stop/health.
import type { Health, Logger, Service } from '@earshot/observability';
import type { MessageType } from '@earshot/schema';
import type { StageDeps } from './deps.js';
import { createStageRunner, type StageStep } from './stage-runner.js';

export interface Consumes {
  groupId: string;
  topic: string;
}

export interface ConsumingStage extends Service {
  /** The consumer group and topic this stage reads (for lag and draining). */
  readonly consumes: Consumes;
  health(): Health;
}

export interface ConsumingStageOptions<T extends MessageType> {
  /** The service id, the `stage` metric label and log field, and the default group `earshot-<name>`. */
  name: string;
  deps: StageDeps<unknown>;
  topic: string;
  /** The message type the topic carries, or the types (see StageRunnerOptions.type). */
  type: T | readonly T[];
  step: StageStep<T>;
  /** Another consumer group (tests, two pipelines on one cluster). */
  groupId?: string;
  /** The stage's logger, default `deps.logger.child({ component: name })`. */
  logger?: Logger;
  maxBatchSize?: number;
  /** Attempts before a message the step throws on is dead-lettered (default 3). */
  maxAttempts?: number;
}

/** The consumer group a stage reads with unless told otherwise. */
export const defaultGroupId = (name: string): string => `earshot-${name}`;

export function consumingStage<T extends MessageType>(options: ConsumingStageOptions<T>): ConsumingStage {
  const { name, deps } = options;
  const consumes: Consumes = { groupId: options.groupId ?? defaultGroupId(name), topic: options.topic };
  const runner = createStageRunner({
    stage: name,
    bus: deps.bus,
    ...consumes,
    type: options.type,
    step: options.step,
    logger: options.logger ?? deps.logger.child({ component: name }),
    metrics: deps.metrics,
    maxBatchSize: options.maxBatchSize,
    maxAttempts: options.maxAttempts,
  });
  return {
    id: name,
    consumes,
    start: () => runner.start(),
    stop: () => runner.stop(),
    health: () => runner.health(),
  };
}

/** What a service consumes, if it is a consuming stage. */
export function consumesOf(service: Service): Consumes | undefined {
  return 'consumes' in service ? (service as ConsumingStage).consumes : undefined;
}

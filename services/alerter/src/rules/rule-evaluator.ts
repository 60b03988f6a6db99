// The contract every rule type implements. An evaluator is pure state: it is told about mentions
// (already matched to its brands and filters) and asked, for one brand at one instant, whether its
// condition holds. The engine turns conditions into alert lifecycles; the shell does all I/O.
import type { RuleConfig, SourceConfig } from '@earshot/config';
import type { AlertSample } from '@earshot/schema';
import type { AggregateBucket, AggregateQuery } from '@earshot/store';
import type { MentionFact } from '../mention-fact.js';

export interface Condition {
  /** What inside the brand the condition is about (a topic, a source); absent for brand-wide rules. */
  subject?: string;
  active: boolean;
  count: number;
  /** Start of the evaluated window; when an alert opens here it becomes part of its key. */
  windowStart: number;
  windowEnd: number;
  samples: AlertSample[];
  title: string;
  summary: string;
}

export interface RuleEvaluator {
  readonly rule: RuleConfig;
  /** How far back the exact window reaches; the warm start replays at least this much. */
  readonly span: number;
  /** Records a mention of `fact.brandId` that passed the rule's filters. */
  observe(fact: MentionFact, now: number): void;
  /** The condition(s) for one brand at `now`. Also ages state (moves old events to baselines). */
  evaluate(brandId: string, now: number): Condition[];
  /** Store aggregates that rebuild this brand's baseline before `replayFrom` (where replayed mentions start). */
  baselineQueries?(brandId: string, replayFrom: number, now: number): AggregateQuery[];
  /** Receives the buckets of `baselineQueries`, in the same order. */
  seedBaseline?(brandId: string, results: AggregateBucket[][]): void;
  /**
   * Whether a mention that passed the rule's filters is one the condition about `subject` counts.
   * An alert's evidence (driving mentions, phrases, volume) is drawn from these. Absent: all of them.
   */
  counts?(fact: MentionFact, subject: string | undefined): boolean;
  /** Drops everything known about a brand (before a fresh warm start of it). */
  forget(brandId: string): void;
}

export interface EvaluatorContext {
  /** Config sources, for rules that reason about sources (source-silent). */
  sources: SourceConfig[];
  brandName(brandId: string): string;
}

export type EvaluatorFactory<R extends RuleConfig = RuleConfig> = (rule: R, context: EvaluatorContext) => RuleEvaluator;

/** Sample mentions an alert carries. */
export const SAMPLE_COUNT = 5;

export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}

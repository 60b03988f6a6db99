// The alerter's pure core: mentions and the clock in, alert changes out. It owns the rule
// evaluators and the open alert of every (rule, brand, subject) track, and applies the lifecycle.
// No I/O: the shell (alerter.ts) feeds it from the bus and the store and publishes what it returns,
// so every rule can be tested with a scripted stream and a fake clock.
import type { BrandConfig, RuleConfig, SourceConfig } from '@earshot/config';
import type { Alert, EnrichedMention, Story } from '@earshot/schema';
import { createStoryTracker } from '@earshot/stories';
import type { AggregateBucket, AggregateQuery, Silence } from '@earshot/store';
import { createEvidenceMemory, type EvidenceFact } from './evidence/evidence-memory.js';
import { explainAlert } from './evidence/explain-alert.js';
import { advance, isSilenced, type AlertChange, type TrackedAlert } from './lifecycle.js';
import { toMentionFact } from './mention-fact.js';
import { passesFilters, ruleBrands } from './rule-filter.js';
import type { Condition, RuleEvaluator } from './rules/rule-evaluator.js';
import { createEvaluator } from './rules/registry.js';

export interface AlertEngineOptions {
  rules: RuleConfig[];
  brands: (Pick<BrandConfig, 'id' | 'name'> & { query?: string })[];
  sources?: SourceConfig[];
  /** How far before an alert's window its evidence looks for what is normal (default 24 h). */
  evidenceBaseline?: number;
  /** Called for a rule whose type has no evaluator (logged by the shell). */
  onUnknownRule?: (rule: RuleConfig) => void;
}

export interface BaselineRequest {
  evaluator: number;
  queries: AggregateQuery[];
}

export interface AlertEngine {
  /** How far back a warm start must replay mentions. */
  readonly replaySpan: number;
  /** Brands some rule watches. */
  readonly brands: string[];
  /** A mention arrives: update windows, evaluate the rules it touches. */
  observe(mention: EnrichedMention, now: number): AlertChange[];
  /** A mention from the store during a warm start: update windows only. */
  replay(mention: EnrichedMention, now: number): void;
  /** Time passes: evaluate every rule for these brands (resolutions, silent sources, realerts). */
  tick(now: number, brands?: Iterable<string>): AlertChange[];
  /** An alert that was open before a restart. */
  restore(alert: Alert): void;
  baselineRequests(brandId: string, replayFrom: number, now: number): BaselineRequest[];
  seedBaseline(brandId: string, evaluator: number, results: AggregateBucket[][]): void;
  /** Drops a brand's windows and open alerts before warming it again from the store. */
  forget(brandId: string): void;
  setSilences(silences: Silence[]): void;
  /**
   * Records an acknowledgment on the open alert with this key, so it is not re-notified and the
   * next change keeps it. Undefined when no alert with this key is open here; `changed` is false
   * when it was acknowledged already (the first acknowledgment stands).
   */
  acknowledge(key: string, ack: { by: string; at: string }): { alert: TrackedAlert; changed: boolean } | undefined;
  openAlerts(): TrackedAlert[];
  /** Stories that changed since the last call (the shell writes them to the store). */
  drainStories(now: number): Story[];
  /** Open stories from the store, before a brand's mentions are replayed (warm start). */
  restoreStories(stories: Story[]): void;
  /** How long a story stays open for new mentions (how far back a warm start loads stories). */
  readonly storyGapMs: number;
}

export const DEFAULT_EVIDENCE_BASELINE = 24 * 3_600_000;

const trackKey = (ruleId: string, brandId: string, subject: string | undefined) => `${ruleId}\u0000${brandId}\u0000${subject ?? ''}`;

export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const allBrands = options.brands.map((b) => b.id);
  const names = new Map(options.brands.map((b) => [b.id, b.name]));
  const context = { sources: options.sources ?? [], brandName: (id: string) => names.get(id) ?? id };
  const evaluators: { evaluator: RuleEvaluator; brands: Set<string> }[] = [];
  for (const rule of options.rules) {
    const evaluator = createEvaluator(rule, context);
    if (!evaluator) options.onUnknownRule?.(rule);
    else evaluators.push({ evaluator, brands: new Set(ruleBrands(rule, allBrands)) });
  }
  // Stories are grouped here, in the one stage that already sees each brand's mentions in order and
  // owns the brand (by partition on Kafka): every story has exactly one writer, on either backend.
  const stories = createStoryTracker({ brandTerms: Object.fromEntries(options.brands.map((b) => [b.id, [b.name, ...(b.query ? [b.query] : [])]])) });
  const open = new Map<string, TrackedAlert>();
  /** Ids seen recently, so a redelivered mention is not counted twice. */
  const seen = new Map<string, { time: number; brandId: string }>();
  let silences: Silence[] = [];
  const ruleSpan = Math.max(0, ...evaluators.map((e) => e.evaluator.span));
  const evidenceBaseline = options.evidenceBaseline ?? DEFAULT_EVIDENCE_BASELINE;
  // The warm start replays enough for the evidence baseline too; evaluators place older mentions in
  // their baselines exactly as they do for a late-arriving mention in the stream.
  const replaySpan = evaluators.length ? ruleSpan + evidenceBaseline : 0;
  const memory = createEvidenceMemory({ span: replaySpan, brandName: context.brandName });
  /** Brands some rule watches: their evidence is remembered. */
  const watchedSet = new Set(evaluators.flatMap((e) => [...e.brands]));
  // Every configured brand is warm-started (its stories need one even with no rule watching it).
  const watched = [...new Set([...allBrands, ...watchedSet])];

  /** The evidence of an alert that is about to be announced: its window against the baseline before it. */
  function explain(evaluator: RuleEvaluator, brandId: string, condition: Condition) {
    const rule = evaluator.rule;
    const counted = (f: EvidenceFact) => passesFilters(rule, f.fact) && (evaluator.counts?.(f.fact, condition.subject) ?? true);
    const windowLength = 'window' in rule ? rule.window : Math.max(1, condition.windowEnd - condition.windowStart);
    const baselineTo = condition.windowStart;
    const baselineFrom = Math.max(baselineTo - evidenceBaseline, memory.coveredFrom(brandId) ?? baselineTo);
    return explainAlert({
      window: memory.between(brandId, condition.windowStart, condition.windowEnd, true).filter(counted),
      baseline: memory.between(brandId, baselineFrom, baselineTo).filter(counted),
      windowLength,
      baselineFrom,
      baselineTo,
    });
  }

  function ingest(mention: EnrichedMention, now: number): RuleEvaluator[] {
    const story = stories.add(mention); // a near-duplicate joins its original's story
    if (mention.duplicateOf) return []; // a syndicated copy of a story already counted
    const fact = toMentionFact(mention, now, { id: story.storyId, title: story.title });
    if (seen.has(fact.id)) return [];
    seen.set(fact.id, { time: fact.time, brandId: fact.brandId });
    if (watchedSet.has(fact.brandId)) memory.add(fact, now);
    const touched: RuleEvaluator[] = [];
    for (const { evaluator, brands } of evaluators) {
      if (!brands.has(fact.brandId) || !passesFilters(evaluator.rule, fact)) continue;
      evaluator.observe(fact, now);
      touched.push(evaluator);
    }
    return touched;
  }

  function evaluate(evaluator: RuleEvaluator, brandId: string, now: number): AlertChange[] {
    const rule = evaluator.rule;
    const changes: AlertChange[] = [];
    const silenced = isSilenced(silences, rule.id, brandId, now);
    const conditions = evaluator.evaluate(brandId, now);
    const subjects = new Set(conditions.map((c) => c.subject ?? ''));
    // An open alert whose subject the evaluator no longer knows has nothing holding it open.
    for (const alert of open.values()) {
      if (alert.ruleId !== rule.id || alert.brandId !== brandId || subjects.has(alert.subject ?? '')) continue;
      conditions.push({
        subject: alert.subject,
        active: false,
        count: 0,
        windowStart: now,
        windowEnd: now,
        samples: [],
        title: alert.title,
        summary: alert.summary,
      });
    }
    for (const condition of conditions) {
      const key = trackKey(rule.id, brandId, condition.subject);
      const result = advance(open.get(key), { rule, brandId, condition, now, silenced });
      if (result.change && result.change.kind !== 'resolved') result.change.alert.evidence = explain(evaluator, brandId, condition);
      if (result.open) open.set(key, result.open);
      else open.delete(key);
      if (result.change) changes.push(result.change);
    }
    return changes;
  }

  function pruneSeen(now: number) {
    const cutoff = now - replaySpan;
    for (const [id, entry] of seen) if (entry.time <= cutoff) seen.delete(id);
  }

  return {
    replaySpan,
    brands: watched,
    observe(mention, now) {
      const touched = ingest(mention, now);
      return touched.flatMap((evaluator) => evaluate(evaluator, mention.brandId, now));
    },
    replay(mention, now) {
      memory.watchFrom(mention.brandId, now - replaySpan);
      ingest(mention, now);
    },
    tick(now, brands) {
      pruneSeen(now);
      memory.prune(now);
      const wanted = brands ? new Set(brands) : undefined;
      const changes: AlertChange[] = [];
      for (const { evaluator, brands: ruleBrandIds } of evaluators) {
        for (const brandId of ruleBrandIds) if (!wanted || wanted.has(brandId)) changes.push(...evaluate(evaluator, brandId, now));
      }
      return changes;
    },
    restore(alert) {
      if (alert.state !== 'open') return;
      const tracked = alert as TrackedAlert;
      open.set(trackKey(alert.ruleId, alert.brandId, tracked.subject), tracked);
    },
    baselineRequests(brandId, replayFrom, now) {
      memory.watchFrom(brandId, replayFrom);
      const out: BaselineRequest[] = [];
      evaluators.forEach(({ evaluator, brands }, i) => {
        if (!brands.has(brandId) || !evaluator.baselineQueries) return;
        out.push({ evaluator: i, queries: evaluator.baselineQueries(brandId, replayFrom, now) });
      });
      return out;
    },
    seedBaseline(brandId, index, results) {
      evaluators[index]?.evaluator.seedBaseline?.(brandId, results);
    },
    forget(brandId) {
      stories.forget(brandId);
      for (const { evaluator } of evaluators) evaluator.forget(brandId);
      memory.forget(brandId);
      for (const [id, entry] of seen) if (entry.brandId === brandId) seen.delete(id);
      for (const [key, alert] of open) if (alert.brandId === brandId) open.delete(key);
    },
    setSilences(next) {
      silences = next;
    },
    acknowledge(key, ack) {
      for (const [track, alert] of open) {
        if (alert.key !== key) continue;
        if (alert.acknowledgedAt) return { alert, changed: false };
        const acknowledged: TrackedAlert = { ...alert, acknowledgedAt: ack.at, acknowledgedBy: ack.by };
        open.set(track, acknowledged);
        return { alert: acknowledged, changed: true };
      }
      return undefined;
    },
    openAlerts() {
      return [...open.values()];
    },
    drainStories(now) {
      return stories.drainChanged(now);
    },
    restoreStories(list) {
      stories.restore(list);
    },
    storyGapMs: stories.gapMs,
  };
}

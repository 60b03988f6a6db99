// source-silent: a source that normally produces (at least `minBaseline` mentions of the brand in
// the `baseline` before its last mention) has produced nothing for `period` — the collector is blind,
// and that is an alert too. One alert per (brand, source); it resolves when the source speaks again.
// Which sources exist comes from config (a source serves the brands it lists, or all). The brand's own
// posts count here by default (rule-filter.ts `countsBrandPosts`): they prove the source is alive.
import type { RuleOf, SourceConfig } from '@earshot/config';
import { Histogram } from '../windows.js';
import { baselineFilter } from './baseline-filter.js';
import { formatDuration, type Condition, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

interface SourceState {
  counts: Histogram;
  lastSeen?: number;
}

export function sourcesOf(sources: SourceConfig[], brandId: string, only?: string[]): string[] {
  return sources
    .filter((s) => {
      const brands = Array.isArray(s.brand) ? s.brand : [s.brand];
      return (brands.includes('all') || brands.includes(brandId)) && (!only?.length || only.includes(s.id));
    })
    .map((s) => s.id);
}

export const createSourceSilentEvaluator: EvaluatorFactory<RuleOf<'source-silent'>> = (rule, context): RuleEvaluator => {
  const bucket = Math.max(60_000, Math.min(3_600_000, Math.floor(rule.period / 4)));
  const states = new Map<string, SourceState>();
  const stateOf = (brandId: string, sourceId: string) => {
    const key = `${brandId}\u0000${sourceId}`;
    let s = states.get(key);
    if (!s) states.set(key, (s = { counts: new Histogram(bucket) }));
    return s;
  };
  const watched = new Map<string, Set<string>>();
  const replayFromOf = new Map<string, number>();
  const sourcesFor = (brandId: string) => {
    let set = watched.get(brandId);
    if (!set) watched.set(brandId, (set = new Set(sourcesOf(context.sources, brandId, rule.source))));
    return set;
  };

  return {
    rule,
    span: rule.period,
    counts: (fact, subject) => fact.sourceId === subject,
    observe(fact) {
      if (!sourcesFor(fact.brandId).has(fact.sourceId)) return;
      const s = stateOf(fact.brandId, fact.sourceId);
      s.counts.add(fact.time);
      s.lastSeen = Math.max(s.lastSeen ?? fact.time, fact.time);
    },
    evaluate(brandId, now) {
      const name = context.brandName(brandId);
      const out: Condition[] = [];
      for (const sourceId of sourcesFor(brandId)) {
        const s = stateOf(brandId, sourceId);
        if (s.lastSeen === undefined) continue; // never produced: not "normally producing"
        const lastSeen = s.lastSeen;
        s.counts.prune(lastSeen - rule.baseline - bucket);
        const usual = s.counts.sum(lastSeen - rule.baseline, lastSeen + 1);
        const silentFor = now - lastSeen;
        out.push({
          subject: sourceId,
          active: silentFor >= rule.period && usual >= rule.minBaseline,
          count: 0,
          windowStart: lastSeen,
          windowEnd: now,
          samples: [],
          title: `${name}: source ${sourceId} silent for ${formatDuration(Math.floor(silentFor / 60_000) * 60_000 || 60_000)}`,
          summary: `Source ${sourceId} produced ${usual} mentions about ${name} in the ${formatDuration(rule.baseline)} up to ${new Date(lastSeen).toISOString()} and none since: the collector may be blind.`,
        });
      }
      return out;
    },
    baselineQueries(brandId, replayFrom, now) {
      const sources = [...sourcesFor(brandId)];
      if (!sources.length) return [];
      replayFromOf.set(brandId, replayFrom);
      const filter = { ...baselineFilter(rule, brandId, now - 2 * rule.baseline, replayFrom), sourceId: sources };
      return [{ filter, groupBy: ['sourceId'], interval: bucket, size: 10_000 }];
    },
    seedBaseline(brandId, [buckets]) {
      for (const b of buckets ?? []) {
        const sourceId = b.keys.sourceId;
        if (!sourceId || b.time === undefined || !sourcesFor(brandId).has(sourceId)) continue;
        const s = stateOf(brandId, sourceId);
        s.counts.add(b.time, b.count);
        // The last mention lies somewhere in its bucket, before the replayed span.
        s.lastSeen = Math.max(s.lastSeen ?? 0, Math.min(b.time + bucket, replayFromOf.get(brandId) ?? b.time + bucket) - 1);
      }
    },
    forget(brandId) {
      for (const key of states.keys()) if (key.startsWith(`${brandId}\u0000`)) states.delete(key);
    },
  };
};

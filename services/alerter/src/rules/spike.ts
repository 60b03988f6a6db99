// spike: the matching (negative) count in the current window against its usual rate — the mean
// per window-sized slot over the baseline before it. Fires at `factor` × the mean, or at
// mean + `zScore` × standard deviation (both given: both must hold), and never below `minCount`,
// so a quiet brand's 1 → 3 is not a crisis. A brand with no history has a mean of 0: `minCount`
// alone decides.
import type { RuleOf } from '@earshot/config';
import { matchesSentiment } from '../rule-filter.js';
import { EventWindow, Histogram, meanAndDeviation } from '../windows.js';
import { baselineFilter } from './baseline-filter.js';
import { formatDuration, SAMPLE_COUNT, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

interface BrandState {
  window: EventWindow;
  baseline: Histogram;
}

export function spikeThreshold(rule: Pick<RuleOf<'spike'>, 'factor' | 'zScore'>, mean: number, sd: number): number {
  const factor = rule.factor ?? (rule.zScore === undefined ? 3 : undefined);
  const byFactor = factor === undefined ? 0 : factor * mean;
  const byZ = rule.zScore === undefined ? 0 : mean + rule.zScore * sd;
  return Math.max(byFactor, byZ);
}

export const createSpikeEvaluator: EvaluatorFactory<RuleOf<'spike'>> = (rule, context): RuleEvaluator => {
  const W = rule.window;
  const states = new Map<string, BrandState>();
  const stateOf = (brandId: string) => {
    let s = states.get(brandId);
    if (!s) states.set(brandId, (s = { window: new EventWindow(W), baseline: new Histogram(W) }));
    return s;
  };
  const what = rule.sentiment === 'any' ? 'mentions' : `${rule.sentiment} mentions`;
  return {
    rule,
    span: W,
    counts: (fact) => matchesSentiment(rule.sentiment, fact),
    observe(fact, now) {
      if (!matchesSentiment(rule.sentiment, fact)) return;
      const s = stateOf(fact.brandId);
      if (fact.time > now - W) s.window.add({ id: fact.id, time: fact.time, sample: fact.sample });
      else if (fact.time >= now - W - rule.baseline) s.baseline.add(fact.time);
    },
    evaluate(brandId, now) {
      const s = stateOf(brandId);
      for (const aged of s.window.prune(now)) s.baseline.add(aged.time);
      s.baseline.prune(now - W - rule.baseline - W);
      const count = s.window.size;
      const { mean, sd } = meanAndDeviation(s.baseline.series(now - W - rule.baseline, now - W));
      const threshold = spikeThreshold(rule, mean, sd);
      const name = context.brandName(brandId);
      const ratio = mean > 0 ? ` (${(count / mean).toFixed(1)}× the usual ${mean.toFixed(1)})` : ' (no usual rate yet)';
      return [
        {
          active: count >= rule.minCount && count >= threshold,
          count,
          windowStart: s.window.oldest() ?? now - W,
          windowEnd: now,
          samples: s.window.samples(SAMPLE_COUNT),
          title: `${name}: spike of ${what}, ${count} in ${formatDuration(W)}`,
          summary: `${count} ${what} about ${name} in the last ${formatDuration(W)}${ratio} per ${formatDuration(W)} over the previous ${formatDuration(rule.baseline)}.`,
        },
      ];
    },
    baselineQueries(brandId, replayFrom, now) {
      return [{ filter: baselineFilter(rule, brandId, now - W - rule.baseline, replayFrom, rule.sentiment), groupBy: [], interval: W, size: 10_000 }];
    },
    seedBaseline(brandId, [buckets]) {
      const s = stateOf(brandId);
      for (const b of buckets ?? []) if (b.time !== undefined) s.baseline.add(b.time, b.count);
    },
    forget(brandId) {
      states.delete(brandId);
    },
  };
};

// threshold: at least `count` matching mentions (negative by default) within a sliding `window`.
import type { RuleOf } from '@earshot/config';
import { matchesSentiment } from '../rule-filter.js';
import { EventWindow } from '../windows.js';
import { formatDuration, SAMPLE_COUNT, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

export const createThresholdEvaluator: EvaluatorFactory<RuleOf<'threshold'>> = (rule, context): RuleEvaluator => {
  const windows = new Map<string, EventWindow>();
  const windowOf = (brandId: string) => {
    let w = windows.get(brandId);
    if (!w) windows.set(brandId, (w = new EventWindow(rule.window)));
    return w;
  };
  const what = rule.sentiment === 'any' ? 'mentions' : `${rule.sentiment} mentions`;
  return {
    rule,
    span: rule.window,
    counts: (fact) => matchesSentiment(rule.sentiment, fact),
    observe(fact, now) {
      if (matchesSentiment(rule.sentiment, fact) && fact.time > now - rule.window)
        windowOf(fact.brandId).add({ id: fact.id, time: fact.time, sample: fact.sample });
    },
    evaluate(brandId, now) {
      const w = windowOf(brandId);
      w.prune(now);
      const count = w.size;
      const name = context.brandName(brandId);
      return [
        {
          active: count >= rule.count,
          count,
          windowStart: w.oldest() ?? now - rule.window,
          windowEnd: now,
          samples: w.samples(SAMPLE_COUNT),
          title: `${name}: ${count} ${what} in ${formatDuration(rule.window)}`,
          summary: `${count} ${what} about ${name} within ${formatDuration(rule.window)} (threshold ${rule.count}).`,
        },
      ];
    },
    forget(brandId) {
      windows.delete(brandId);
    },
  };
};

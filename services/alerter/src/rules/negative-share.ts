// negative-share: the share of negative mentions among all matching mentions in the window reaches
// `share` percent, once there are at least `minVolume` of them.
import type { RuleOf } from '@earshot/config';
import { EventWindow } from '../windows.js';
import { formatDuration, SAMPLE_COUNT, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

export const createNegativeShareEvaluator: EvaluatorFactory<RuleOf<'negative-share'>> = (rule, context): RuleEvaluator => {
  const windows = new Map<string, EventWindow>();
  const windowOf = (brandId: string) => {
    let w = windows.get(brandId);
    if (!w) windows.set(brandId, (w = new EventWindow(rule.window)));
    return w;
  };
  const negative = (e: { flag?: boolean }) => e.flag === true;
  return {
    rule,
    span: rule.window,
    counts: (fact) => fact.sentiment === 'negative',
    observe(fact, now) {
      if (fact.time > now - rule.window) windowOf(fact.brandId).add({ id: fact.id, time: fact.time, sample: fact.sample, flag: fact.sentiment === 'negative' });
    },
    evaluate(brandId, now) {
      const w = windowOf(brandId);
      w.prune(now);
      const total = w.size;
      const count = w.count(negative);
      const share = total ? (100 * count) / total : 0;
      const name = context.brandName(brandId);
      const pct = `${Math.round(share)}%`;
      return [
        {
          active: total >= rule.minVolume && share >= rule.share,
          count,
          windowStart: w.oldest(negative) ?? now - rule.window,
          windowEnd: now,
          samples: w.samples(SAMPLE_COUNT, negative),
          title: `${name}: ${pct} of mentions negative in ${formatDuration(rule.window)}`,
          summary: `${count} of ${total} mentions about ${name} in the last ${formatDuration(rule.window)} are negative (${pct}, limit ${rule.share}%).`,
        },
      ];
    },
    forget(brandId) {
      windows.delete(brandId);
    },
  };
};

// high-impact: a single mention that matters on its own — negative with a large reach, a 1–2 star
// review, or a warning to others ("don't buy", "не покупайте"). The alert opens on the first one,
// gathers further ones while open (re-notified per `realert`), and resolves after `window` without any.
import type { RuleOf } from '@earshot/config';
import type { MentionFact } from '../mention-fact.js';
import { EventWindow } from '../windows.js';
import { formatDuration, SAMPLE_COUNT, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

/** Why a mention is high-impact under this rule (empty when it is not). */
export function impactReasons(rule: RuleOf<'high-impact'>, fact: MentionFact): string[] {
  const reasons: string[] = [];
  if (rule.warning && fact.warning) reasons.push('warns others');
  if (rule.maxRating > 0 && fact.rating !== undefined && fact.rating > 0 && fact.rating <= rule.maxRating) reasons.push(`${fact.rating}★ review`);
  if (fact.sentiment === 'negative' && fact.reach !== undefined && fact.reach >= rule.reach) reasons.push(`reach ${fact.reach}`);
  return reasons;
}

export const createHighImpactEvaluator: EvaluatorFactory<RuleOf<'high-impact'>> = (rule, context): RuleEvaluator => {
  const windows = new Map<string, EventWindow>();
  const reasonsById = new Map<string, string[]>();
  const windowOf = (brandId: string) => {
    let w = windows.get(brandId);
    if (!w) windows.set(brandId, (w = new EventWindow(rule.window)));
    return w;
  };
  return {
    rule,
    span: rule.window,
    counts: (fact) => impactReasons(rule, fact).length > 0,
    observe(fact, now) {
      const reasons = impactReasons(rule, fact);
      if (!reasons.length || fact.time <= now - rule.window) return;
      if (windowOf(fact.brandId).add({ id: fact.id, time: fact.time, sample: fact.sample })) reasonsById.set(fact.id, reasons);
    },
    evaluate(brandId, now) {
      const w = windowOf(brandId);
      for (const gone of w.prune(now)) reasonsById.delete(gone.id);
      const count = w.size;
      const samples = w.samples(SAMPLE_COUNT);
      const name = context.brandName(brandId);
      const latest = samples[0];
      const why = latest ? (reasonsById.get(latest.id) ?? []).join(', ') : '';
      return [
        {
          active: count > 0,
          count,
          windowStart: w.oldest() ?? now - rule.window,
          windowEnd: now,
          samples,
          title: count === 1 && latest ? `${name}: high-impact mention — ${latest.title}` : `${name}: ${count} high-impact mentions`,
          summary: latest
            ? `${count} high-impact negative mention${count === 1 ? '' : 's'} about ${name} in the last ${formatDuration(rule.window)}; latest ${why}: "${latest.title}".`
            : `No high-impact mention about ${name} in the last ${formatDuration(rule.window)}.`,
        },
      ];
    },
    forget(brandId) {
      const w = windows.get(brandId);
      if (w) for (const gone of w.prune(Number.POSITIVE_INFINITY)) reasonsById.delete(gone.id);
      windows.delete(brandId);
    },
  };
};

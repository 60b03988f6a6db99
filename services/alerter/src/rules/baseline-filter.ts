// The store filter that matches what a rule counts (rule-filter.ts: its lang/source/topic filters and
// whether the brand's own posts count), for baseline aggregates at warm start.
import type { RuleConfig } from '@earshot/config';
import type { MentionFilter } from '@earshot/store';
import { countsBrandPosts } from '../rule-filter.js';

export function baselineFilter(rule: RuleConfig, brandId: string, from: number, to: number, sentiment?: string): MentionFilter {
  return {
    brandId,
    ...(sentiment && sentiment !== 'any' ? { sentiment: sentiment as MentionFilter['sentiment'] } : {}),
    ...(rule.lang?.length ? { lang: rule.lang } : {}),
    ...(rule.source?.length ? { sourceId: rule.source } : {}),
    ...(rule.topic?.length ? { topic: rule.topic } : {}),
    ...(countsBrandPosts(rule) ? {} : { excludeBrandAccount: 'by-brand' as const }),
    from,
    to,
  };
}

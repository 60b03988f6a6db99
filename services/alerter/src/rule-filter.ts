// Which mentions a rule looks at: its brands ("all" or a list), its language, source and topic
// filters, and whether the brand's own posts count. The stream and the warm start's replay pass
// through `passesFilters` (engine.ts), the warm start's baselines through `baselineFilter`, so a
// restart counts what the stream counted. The sentiment a rule counts is the rule's own business.
import type { RuleConfig } from '@earshot/config';
import type { MentionFact } from './mention-fact.js';

export function ruleBrands(rule: RuleConfig, allBrands: string[]): string[] {
  const listed = Array.isArray(rule.brand) ? rule.brand : [rule.brand];
  return listed.includes('all') ? allBrands : listed.filter((b) => allBrands.includes(b));
}

/**
 * Whether a rule counts posts by the brand's own accounts (`includeBrandPosts`, by default no). The
 * brand's "we are sorry about the outage" is negative, but it is the brand answering word-of-mouth,
 * not word-of-mouth: counted, the brand's own apology would feed the spike it apologises for.
 * Customers writing to the brand (`to-brand`) are word-of-mouth and always count. `source-silent`
 * counts them by default: it asks whether a source still produces at all, and the brand's own post
 * proves the collector still reads it — a source that mostly carries the brand's own feed would
 * otherwise look silent.
 */
export function countsBrandPosts(rule: RuleConfig): boolean {
  return rule.includeBrandPosts ?? rule.type === 'source-silent';
}

export function passesFilters(rule: RuleConfig, fact: MentionFact): boolean {
  if (fact.byBrand && !countsBrandPosts(rule)) return false;
  if (rule.lang?.length && !rule.lang.includes(fact.lang)) return false;
  if (rule.source?.length && !rule.source.includes(fact.sourceId)) return false;
  if (rule.topic?.length && !fact.topics.some((t) => rule.topic!.includes(t.topic))) return false;
  return true;
}

export function matchesSentiment(wanted: 'negative' | 'positive' | 'neutral' | 'any', fact: MentionFact): boolean {
  return wanted === 'any' || fact.sentiment === wanted;
}

// Which mentions a rule looks at: its brands ("all" or a list) and its language, source and topic
// filters. The sentiment a rule counts is the rule's own business.
import type { RuleConfig } from '@earshot/config';
import type { MentionFact } from './mention-fact.js';

export function ruleBrands(rule: RuleConfig, allBrands: string[]): string[] {
  const listed = Array.isArray(rule.brand) ? rule.brand : [rule.brand];
  return listed.includes('all') ? allBrands : listed.filter((b) => allBrands.includes(b));
}

export function passesFilters(rule: RuleConfig, fact: MentionFact): boolean {
  if (rule.lang?.length && !rule.lang.includes(fact.lang)) return false;
  if (rule.source?.length && !rule.source.includes(fact.sourceId)) return false;
  if (rule.topic?.length && !fact.topics.some((t) => rule.topic!.includes(t.topic))) return false;
  return true;
}

export function matchesSentiment(wanted: 'negative' | 'positive' | 'neutral' | 'any', fact: MentionFact): boolean {
  return wanted === 'any' || fact.sentiment === wanted;
}

// Rule type → evaluator factory. Adding a rule type: its schema in packages/config/src/rules.ts, an
// evaluator file beside this one, and one line here.
import type { RuleConfig, RuleOf, RuleType } from '@earshot/config';
import type { EvaluatorContext, EvaluatorFactory, RuleEvaluator } from './rule-evaluator.js';
import { createHighImpactEvaluator } from './high-impact.js';
import { createNegativeShareEvaluator } from './negative-share.js';
import { createSourceSilentEvaluator } from './source-silent.js';
import { createSpikeEvaluator } from './spike.js';
import { createStoryEvaluator } from './story.js';
import { createThresholdEvaluator } from './threshold.js';
import { createTopicNegativeEvaluator } from './topic-negative.js';

type Registry = { [T in RuleType]: EvaluatorFactory<RuleOf<T>> };

export const EVALUATORS: Registry = {
  threshold: createThresholdEvaluator,
  spike: createSpikeEvaluator,
  'negative-share': createNegativeShareEvaluator,
  'high-impact': createHighImpactEvaluator,
  'topic-negative': createTopicNegativeEvaluator,
  'source-silent': createSourceSilentEvaluator,
  story: createStoryEvaluator,
};

export function createEvaluator(rule: RuleConfig, context: EvaluatorContext): RuleEvaluator | undefined {
  const factory = EVALUATORS[rule.type] as EvaluatorFactory | undefined;
  return factory?.(rule, context);
}

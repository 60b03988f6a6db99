// Rule type → evaluator factory. Adding a rule type: its schema in packages/config/src/rules.ts, an
// evaluator file beside this one, and one line here.
import type { RuleConfig, RuleOf, RuleType } from '@earshot/config';
import type { EvaluatorContext, EvaluatorFactory, RuleEvaluator } from './rule-evaluator.js';
import { createThresholdEvaluator } from './threshold.js';

type Registry = { [T in RuleType]?: EvaluatorFactory<RuleOf<T>> };

export const EVALUATORS: Registry = {
  threshold: createThresholdEvaluator,
};

export function createEvaluator(rule: RuleConfig, context: EvaluatorContext): RuleEvaluator | undefined {
  const factory = EVALUATORS[rule.type] as EvaluatorFactory | undefined;
  return factory?.(rule, context);
}

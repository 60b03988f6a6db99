// The command functions behind `earshot nlp …`, kept here so they can be tested without the CLI.
export { runAnalyze, type RunAnalyzeOptions } from './run-analyze.js';
export { runEval, evaluateExamples, type EvalResult, type RunEvalOptions } from './run-eval.js';
export { runTopicEval, type TopicEvalResult } from './run-topic-eval.js';
export { runEvalFile } from './run-eval-file.js';

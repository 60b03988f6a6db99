// The command functions behind `earshot nlp …`, kept here so they can be tested without the CLI.
export { runAnalyze, type RunAnalyzeOptions } from './run-analyze.js';
export { runEval, evaluateExamples, type EvalResult, type RunEvalOptions } from './run-eval.js';

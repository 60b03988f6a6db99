// What `earshot nlp` runs, loaded by commands/nlp.ts when the command runs. Imported through this
// file, not by a dynamic import of @earshot/nlp itself: the bundler has to keep all of a package
// whose index is imported dynamically, in the chunk every command that uses any of it loads (config
// loading compiles brand queries with @earshot/nlp, and would load the language models too).
// scripts/build.ts refuses a dynamic import of a workspace package for that reason.
export { runAnalyze, runEvalFile } from '@earshot/nlp';

// `earshot nlp analyze` and `earshot nlp eval <file>`: look at what packages/nlp makes of text, and
// measure it on labeled data. The work is done by functions in @earshot/nlp's cli module.
import type { Command } from 'commander';

export function registerNlpCommands(program: Command): void {
  const nlp = program.command('nlp').description('language, sentiment, topics and word-of-mouth signals');
  nlp
    .command('analyze')
    .description('read JSON Lines {"text": …} on stdin, write each with its analysis on stdout')
    .action(async () => {
      const { runAnalyze } = await import('./nlp-run.js');
      const { failed } = await runAnalyze({ input: process.stdin, output: process.stdout, errors: process.stderr });
      if (failed > 0) process.exitCode = 1;
    });
  nlp
    .command('eval')
    .argument('<file>', 'JSON Lines {"text", "label", "lang"} (sentiment) or {"text", "lang", "topics", "aspects"} (topics)')
    .description('score sentiment and language detection, or topic precision/recall per topic and language, on labeled data; prints one JSON object')
    .action(async (file: string) => {
      const { runEvalFile } = await import('./nlp-run.js');
      runEvalFile({ file, output: process.stdout, errors: process.stderr });
    });
}

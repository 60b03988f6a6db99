// The `earshot` command line: parses arguments and hands over to one command. Usage errors
// (unknown command or flag, missing or bad value) exit 2, other failures 1 (cli/exit-code.ts).
// The command modules define options at the top and load what the command does inside its action
// (`await import(…)`): built with code splitting (scripts/build.ts), `earshot --help` then loads
// commander and the option lists, not Kafka, Elasticsearch, SQLite or the NLP models.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { alreadyReported, exitCodeFor } from './cli/exit-code.js';
import { registerConfigCommands } from './commands/config-check.js';
import { registerFeedsCommands } from './commands/feeds.js';
import { registerNlpCommands } from './commands/nlp.js';
import { registerReportCommand } from './commands/report.js';
import { registerRunCommand } from './commands/run.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServiceCommands } from './commands/service.js';
import { registerStoreCommands } from './commands/store.js';
import { endQuietlyOnClosedPipe } from './quiet-pipe.js';

endQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));

const program = new Command('earshot')
  .description('Earshot: brand mentions from feeds and review sites, understood, searchable, alerted on.')
  .version(productVersion(), '-V, --version', 'print the Earshot version')
  .showHelpAfterError()
  // Before the commands are registered, so every subcommand inherits it.
  .exitOverride();

registerRunCommand(program);
registerSearchCommand(program);
registerReportCommand(program);
registerServiceCommands(program);
registerConfigCommands(program);
registerNlpCommands(program);
registerFeedsCommands(program);
registerStoreCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!alreadyReported(err)) process.stderr.write(`earshot: ${(err as Error).message}\n`);
  process.exit(exitCodeFor(err));
}

/** The version of the package that ships the `earshot` bin. */
function productVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

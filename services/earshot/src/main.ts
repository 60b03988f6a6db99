// The `earshot` command line: parses arguments and hands over to one command.
import { Command } from 'commander';
import { registerConfigCommands } from './commands/config-check.js';
import { registerFeedsCommands } from './commands/feeds.js';
import { registerNlpCommands } from './commands/nlp.js';
import { registerReportCommand } from './commands/report.js';
import { registerRunCommand } from './commands/run.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServiceCommands } from './commands/service.js';

const program = new Command('earshot')
  .description('Earshot: brand mentions from feeds and review sites, understood, searchable, alerted on.')
  .showHelpAfterError();

registerRunCommand(program);
registerSearchCommand(program);
registerReportCommand(program);
registerServiceCommands(program);
registerConfigCommands(program);
registerNlpCommands(program);
registerFeedsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`earshot: ${(err as Error).message}\n`);
  process.exit(1);
}

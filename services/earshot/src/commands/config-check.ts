// `earshot config check [file]`: validates a config file and lists every problem by key.
import type { Command } from 'commander';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('configuration helpers');
  config
    .command('check')
    .argument('[file]', 'config file')
    .description('validate a config file offline (shape, unknown keys, source types, brand queries, references); exits 2 listing every problem')
    .option('--lenient', 'report unknown keys as warnings instead of problems')
    .action(async (file: string | undefined, opts: { lenient?: boolean }) => {
      const { loadOrExit } = await import('../load.js');
      const { config: parsed, file: used } = loadOrExit(file, { starting: true, lenient: opts.lenient });
      process.stdout.write(
        `${used}: ok (${parsed.brands.length} brands, ${parsed.sources.length} sources, ${parsed.rules.length} rules, ${parsed.channels.length} channels; bus ${parsed.bus.kind}, store ${parsed.store.kind})\n`,
      );
    });
}

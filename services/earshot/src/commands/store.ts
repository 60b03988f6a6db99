// `earshot store prune [--dry-run]`: applies `store.retention` now — deletes the monthly mention
// indices whose whole month is past it, or with --dry-run only lists them (index, month, documents).
import type { Command } from 'commander';

export function registerStoreCommands(program: Command): void {
  const store = program.command('store').description('store maintenance');
  store
    .command('prune')
    .description('delete mention indices older than store.retention (Elasticsearch)')
    .option('-c, --config <file>', 'config file')
    .option('--dry-run', 'only list what would be deleted')
    .option('--json', 'print JSON ({ dryRun, indices })')
    .action(async (opts: { config?: string; dryRun?: boolean; json?: boolean }) => {
      const { loadOrExit } = await import('../load.js');
      const { createStore, mentionPruner } = await import('../adapters.js');
      const { config } = loadOrExit(opts.config);
      if (config.store.kind !== 'elasticsearch' || !config.store.retention) {
        process.stderr.write('store prune: needs store.kind: elasticsearch with store.retention set (e.g. retention: 13mo)\n');
        process.exit(2);
      }
      const mentions = await createStore(config);
      try {
        const prune = (await mentionPruner(config, mentions))!;
        const dryRun = opts.dryRun === true;
        const indices = await prune({ dryRun });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ dryRun, retention: config.store.retention, indices })}\n`);
          return;
        }
        const verb = dryRun ? 'would delete' : 'deleted';
        if (!indices.length) process.stdout.write(`nothing older than ${config.store.retention}\n`);
        for (const i of indices) process.stdout.write(`${verb} ${i.index}  (${i.month}, ${i.documents} mentions)\n`);
        if (indices.length)
          process.stdout.write(
            `${indices.length} ${indices.length === 1 ? 'index' : 'indices'}, ${indices.reduce((n, i) => n + i.documents, 0)} mentions ${verb} (retention ${config.store.retention})\n`,
          );
      } finally {
        await mentions.close();
      }
    });
}

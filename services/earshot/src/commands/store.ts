// `earshot store prune [--dry-run]`: applies `store.retention` now — deletes the monthly mention
// indices whose whole month is past it, or with --dry-run only lists them (index, month, documents).
// `earshot store refold`: gives the mentions and stories Elasticsearch indexed before search folded
// diacritics and Hebrew points their folded copies, so "tousid" finds "tõusid" in them too.
import type { Command } from 'commander';

/** Progress lines on stderr at most this often while a refold reads. */
const PROGRESS_EVERY_MS = 2000;

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
  store
    .command('refold')
    .description(
      'fold the search text of mentions and stories indexed before search ignored diacritics and Hebrew points, Kazakh letters typed as Russian ones and ё, or read a word typed in two scripts in one',
    )
    .option('-c, --config <file>', 'config file')
    .option('--json', 'print JSON ({ indices: [{ index, read, refolded, changedMeanwhile }] })')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const { loadOrExit } = await import('../load.js');
      const { createStore, searchTextRefolder } = await import('../adapters.js');
      const { config } = loadOrExit(opts.config);
      if (config.store.kind !== 'elasticsearch') {
        // Nothing to open: a SQLite file is folded by whatever opens it next (run, search, the API).
        if (opts.json) process.stdout.write(`${JSON.stringify({ indices: [] })}\n`);
        else process.stdout.write("nothing to do: the embedded store folds a file's search text when it opens it\n");
        return;
      }
      const mentions = await createStore(config);
      try {
        // init() first: it adds the folded fields to the mapping of indices made before them.
        await mentions.init();
        const refold = searchTextRefolder(mentions)!;
        let lastProgress = Date.now();
        const indices = await refold({
          onProgress: (p) => {
            if (opts.json || Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
            lastProgress = Date.now();
            process.stderr.write(`${p.index}: ${p.read} read, ${p.refolded} folded\n`);
          },
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ indices })}\n`);
          return;
        }
        for (const i of indices)
          process.stdout.write(
            `${i.index}: ${i.refolded} of ${i.read} documents without folded copies folded${i.changedMeanwhile ? ` (${i.changedMeanwhile} rewritten meanwhile, left as written)` : ''}\n`,
          );
        const folded = indices.reduce((n, i) => n + i.refolded, 0);
        process.stdout.write(folded ? `${folded} documents folded\n` : 'nothing to fold: every document has its folded copies or needs none\n');
      } finally {
        await mentions.close();
      }
    });
}

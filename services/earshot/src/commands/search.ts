// `earshot search <words>`: full-text search over the store, with the same filters the API has.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { BRAND_ACCOUNT_ROLES, SHORTENED, type EnrichedMention } from '@earshot/schema';
import type { SearchQuery } from '@earshot/store';
import { sinceOption } from '../cli/since.js';
import { matchedByOption } from '../cli/matched-by-option.js';

function line(m: EnrichedMention): string {
  const when = (m.publishedAt ?? m.collectedAt).slice(0, 16).replace('T', ' ');
  const topics = m.nlp.topics.map((t) => t.topic).join(',');
  const text = `${m.title} — ${m.text}`.replace(/\s+/g, ' ').slice(0, 110);
  return `${when}  ${m.nlp.lang.padEnd(3)} ${m.nlp.sentiment.label.padEnd(8)} ${m.brandId}  ${m.sourceId}  ${text}${topics ? `  [${topics}]` : ''}\n    ${m.url}`;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InvalidArgumentError(`expected a whole number from 1 to 1000, got "${value}"`);
  return limit;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('search stored mentions (words must all occur; "quoted phrases" allowed)')
    .argument('[words...]', 'words to search for; none lists the latest mentions')
    .option('-c, --config <file>', 'config file')
    .option('--brand <id>', 'only this brand')
    .addOption(new Option('--sentiment <label>', 'only this sentiment').choices(['positive', 'neutral', 'negative']))
    .option('--lang <code>', 'language (ISO 639-1, e.g. ru, kk, he, et, en)')
    .option('--topic <id>', 'topic, e.g. price, delivery, service')
    .addOption(matchedByOption())
    .addOption(
      new Option('--brand-account <role>', "only posts by the brand's own accounts (by-brand) or addressed to them (to-brand)").choices(BRAND_ACCOUNT_ROLES),
    )
    .addOption(
      new Option('--exclude-brand-account <role>', "leave out posts by the brand's own accounts (by-brand) or addressed to them (to-brand)").choices(
        BRAND_ACCOUNT_ROLES,
      ),
    )
    .addOption(new Option('--shortened <cut>', 'only mentions the collector cut to fit a message (markup dropped, or text shortened too)').choices(SHORTENED))
    .option('--source <id>', 'only this source')
    .option('--since <time>', 'from this time: a span back from now (7d, 24h, 30m), an ISO time or epoch ms', sinceOption())
    .addOption(new Option('--sort <order>', 'order of the results').choices(['time', 'relevance']).default('time'))
    .option('--limit <n>', 'how many to show, 1 to 1000', parseLimit, 20)
    .option('--json', 'print JSON ({ total, mentions })')
    .action(async (words: string[], opts: Record<string, string | number | boolean | undefined>) => {
      const { loadOrExit } = await import('../load.js');
      const { createStore } = await import('../adapters.js');
      const { config, file } = loadOrExit(opts.config as string | undefined);
      // Searching must not create an empty database where the user expected their mentions.
      if (config.store.kind === 'sqlite' && !existsSync(resolve(config.store.path))) {
        process.stderr.write(
          `no store at ${resolve(config.store.path)} (store.path in ${file}): nothing has been collected there; run \`earshot run\` with this config first, or fix store.path\n`,
        );
        process.exit(2);
      }
      const sentiment = opts.sentiment as SearchQuery['sentiment'];
      const limit = opts.limit as number;
      const query: SearchQuery = {
        text: words.join(' ') || undefined,
        brandId: opts.brand as string | undefined,
        sentiment,
        lang: opts.lang as string | undefined,
        topic: opts.topic as string | undefined,
        matchedBy: opts.matchedBy as SearchQuery['matchedBy'],
        brandAccount: opts.brandAccount as SearchQuery['brandAccount'],
        excludeBrandAccount: opts.excludeBrandAccount as SearchQuery['excludeBrandAccount'],
        shortened: opts.shortened as SearchQuery['shortened'],
        sourceId: opts.source as string | undefined,
        from: opts.since as string | undefined,
        sort: opts.sort === 'relevance' ? 'relevance' : 'time',
        limit,
      };
      const store = await createStore(config);
      try {
        await store.init();
        const result = await store.search(query);
        if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          process.stdout.write(
            `${result.total} mention${result.total === 1 ? '' : 's'}${result.total > result.mentions.length ? ` (showing ${result.mentions.length})` : ''}\n`,
          );
          for (const m of result.mentions) process.stdout.write(`${line(m)}\n`);
        }
      } finally {
        await store.close();
      }
    });
}

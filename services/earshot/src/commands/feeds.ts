// `earshot feeds parse <file-or-url> [--content-type <value>]`: shows what the collector's feed
// parser makes of a document, as JSON with the field paths of the conformance corpus (feed.*,
// items[i].*, encoding, format, or error). A URL is fetched the way the collector fetches it
// (feeds-parse.ts, loaded when the command runs).
import type { Command } from 'commander';

export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('look at feeds the way the collector reads them');
  feeds
    .command('parse')
    .argument('<file-or-url>', 'a feed file, or an http(s) URL to fetch')
    .option('--content-type <value>', 'the Content-Type header the document came with (its charset wins over the document)')
    .option('--allow-private-network', 'let a URL resolve to a private or loopback address', false)
    .description('print the parse result as JSON (feed.*, items[i].*, encoding, format, or error)')
    .action(async (target: string, opts: { contentType?: string; allowPrivateNetwork?: boolean }) => {
      const { formatParseResult, isParseError, runFeedsParse } = await import('./feeds-parse.js');
      const result = await runFeedsParse({ target, contentType: opts.contentType, allowPrivateNetwork: opts.allowPrivateNetwork });
      const { json, warnings } = formatParseResult(result);
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(`${json}\n`);
      if (isParseError(result)) process.exitCode = 1;
    });
}

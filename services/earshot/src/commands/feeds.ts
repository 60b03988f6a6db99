// `earshot feeds parse <file-or-url> [--content-type <value>]`: shows what the collector's feed
// parser makes of a document, as JSON with the field paths of the conformance corpus (feed.*,
// items[i].*, encoding, format, or error). A URL is fetched the way the collector fetches it.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createHttpFetcher } from '@earshot/collector';
import { isParseError, parseFeed, type FeedParseResult } from '@earshot/feeds';

export interface FeedsParseOptions {
  target: string;
  /** A Content-Type header value; for a URL it replaces the one the server sent. */
  contentType?: string;
  allowPrivateNetwork?: boolean;
  userAgent?: string;
}

const DEFAULT_USER_AGENT = 'Earshot/0.1 (+https://github.com/earshot/earshot; feed parse command)';

export async function runFeedsParse(options: FeedsParseOptions): Promise<FeedParseResult> {
  if (!/^https?:\/\//i.test(options.target)) {
    return parseFeed(await readFile(options.target), { contentType: options.contentType });
  }
  const http = createHttpFetcher({ userAgent: options.userAgent ?? DEFAULT_USER_AGENT });
  try {
    const res = await http.get(options.target, { allowPrivateNetwork: options.allowPrivateNetwork });
    if (res.status >= 400) return { error: `HTTP ${res.status}` };
    return parseFeed(res.body, { contentType: options.contentType ?? res.headers['content-type'] });
  } finally {
    await http.close();
  }
}

/** The printed form: exactly the corpus fields; warnings go to stderr. */
export function formatParseResult(result: FeedParseResult): { json: string; warnings: string[] } {
  if (isParseError(result)) return { json: JSON.stringify(result, null, 2), warnings: [] };
  const { warnings = [], dropped: _dropped, ...printed } = result;
  // media and source are extras the collector uses; the printed form keeps to the corpus fields.
  const items = printed.items.map(({ media: _media, source: _source, ...item }) => item);
  return { json: JSON.stringify({ ...printed, items }, null, 2), warnings };
}

export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('look at feeds the way the collector reads them');
  feeds
    .command('parse')
    .argument('<file-or-url>', 'a feed file, or an http(s) URL to fetch')
    .option('--content-type <value>', 'the Content-Type header the document came with (its charset wins over the document)')
    .option('--allow-private-network', 'let a URL resolve to a private or loopback address', false)
    .description('print the parse result as JSON (feed.*, items[i].*, encoding, format, or error)')
    .action(async (target: string, opts: { contentType?: string; allowPrivateNetwork?: boolean }) => {
      const result = await runFeedsParse({ target, contentType: opts.contentType, allowPrivateNetwork: opts.allowPrivateNetwork });
      const { json, warnings } = formatParseResult(result);
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(`${json}\n`);
      if (isParseError(result)) process.exitCode = 1;
    });
}

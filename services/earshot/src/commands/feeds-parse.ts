// What `earshot feeds parse` does (commands/feeds.ts defines the command): parse a feed file, or
// fetch a URL the way the collector fetches it, and print the result with the field paths of the
// conformance corpus. Apart from the command's definition so that `earshot --help` loads neither
// the parser nor the HTTP client.
import { readFile } from 'node:fs/promises';
import { createHttpFetcher } from '@earshot/collector';
import { isParseError, parseFeed, type FeedParseResult } from '@earshot/feeds';

export { isParseError };

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

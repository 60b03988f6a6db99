// Reddit search and subreddit feeds (Atom: /search.rss?q=…, /r/<name>/new/.rss). Authors come as
// "/u/name"; every post's HTML ends in a "submitted by /u/name [link] [comments]" footer, which is
// navigation, not what the person wrote.
import { feedEntryToItem, mapEntries, readFeedEntries } from './read-feed-items.js';
import { FEED_ACCEPT } from './feed.js';
import type { SourceType } from '../source-type.js';

const FOOTER = /submitted by\s+\/?u\/[\w-]+[\s\S]*$/i;

export function createRedditSource(): SourceType {
  return {
    type: 'reddit',
    request: (source) => ({ url: source.url, headers: { accept: FEED_ACCEPT } }),
    parse: (document, source) =>
      mapEntries(readFeedEntries(document), (entry) => {
        const item = feedEntryToItem(entry, source);
        return {
          ...item,
          text: item.text.replace(FOOTER, '').trim(),
          ...(item.author ? { author: item.author.replace(/^\/?u\//, '') } : {}),
        };
      }),
  };
}

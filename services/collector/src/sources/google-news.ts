// Google News search feeds (RSS: https://news.google.com/rss/search?q=…). Titles read
// "Headline - Publisher" and the publisher is also in <source>; the description is a list of links
// to the same story elsewhere, so the headline is the text.
import { feedEntryToItem, mapEntries, readFeedEntries } from './read-feed-items.js';
import { FEED_ACCEPT } from './feed.js';
import type { SourceType } from '../source-type.js';

export function createGoogleNewsSource(): SourceType {
  return {
    type: 'google-news',
    request: (source) => ({ url: source.url, headers: { accept: FEED_ACCEPT } }),
    parse: (document, source) =>
      mapEntries(readFeedEntries(document), (entry) => {
        const item = feedEntryToItem(entry, source);
        const publisher = entry.source?.trim();
        const title = publisher && item.title.endsWith(` - ${publisher}`) ? item.title.slice(0, -(publisher.length + 3)) : item.title;
        return { ...item, title, text: title, ...(publisher ? { author: publisher } : {}) };
      }),
  };
}

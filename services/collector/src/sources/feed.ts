// Any syndication feed: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1 — blogs, news sites and
// whatever else publishes one. Parsed by @earshot/feeds after its own charset detection.
import { feedEntryToItem, mapEntries, readFeedEntries } from './read-feed-items.js';
import type { SourceType } from '../source-type.js';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

export function createFeedSource(type = 'feed'): SourceType {
  return {
    type,
    request: (source) => ({ url: source.url, headers: { accept: FEED_ACCEPT } }),
    parse: (document, source) => mapEntries(readFeedEntries(document), (entry) => feedEntryToItem(entry, source)),
  };
}

// Mastodon tag and account feeds (RSS: https://<instance>/tags/<tag>.rss). Toots have no title, only
// HTML in the description; the title is taken from the start of the text. The author is the account
// in the link (https://<instance>/@name/<id>) since the feed does not name one per item.
import { feedEntryToItem, mapEntries, readFeedEntries } from './read-feed-items.js';
import { FEED_ACCEPT } from './feed.js';
import type { SourceType } from '../source-type.js';

export function createMastodonSource(): SourceType {
  return {
    type: 'mastodon',
    request: (source) => ({ url: source.url, headers: { accept: FEED_ACCEPT } }),
    parse: (document, source) =>
      mapEntries(readFeedEntries(document), (entry) => {
        const item = feedEntryToItem(entry, source);
        const account = /^https?:\/\/([^/]+)\/@([\w.-]+)/.exec(item.url);
        return { ...item, ...(!item.author && account ? { author: `@${account[2]}@${account[1]}` } : {}) };
      }),
  };
}

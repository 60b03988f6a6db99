// YouTube channel and playlist feeds (Atom: /feeds/videos.xml?channel_id=…). A video's text is in
// media:group/media:description and its audience in media:community (views, star rating); the
// views travel as the mention's reach.
import { htmlToText } from '@earshot/feeds';
import { feedEntryToItem, mapEntries, readFeedEntries } from './read-feed-items.js';
import type { SourceType } from '../source-type.js';

export function createYoutubeSource(): SourceType {
  return {
    type: 'youtube',
    request: (source) => ({ url: source.url, headers: { accept: 'application/atom+xml, application/xml;q=0.9' } }),
    parse: (document, source) =>
      mapEntries(readFeedEntries(document), (entry) => {
        const item = feedEntryToItem(entry, source);
        const description = entry.media?.description;
        return {
          ...item,
          ...(description && !item.text ? { text: htmlToText(description) } : {}),
          ...(entry.media?.views !== undefined ? { reach: entry.media.views } : {}),
        };
      }),
  };
}

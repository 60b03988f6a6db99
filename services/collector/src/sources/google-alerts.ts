// Google Alerts feeds (Atom: https://www.google.com/alerts/feeds/<user>/<alert>). Each link is a
// Google redirect (https://www.google.com/url?…&url=<article>…); the article URL is what identifies
// the mention, so it is unwrapped. Titles and summaries carry <b> highlighting, reduced to text.
import { feedEntryToItem, mapEntries, readFeedEntries } from './read-feed-items.js';
import { FEED_ACCEPT } from './feed.js';
import type { SourceType } from '../source-type.js';

export function unwrapGoogleRedirect(link: string): string {
  try {
    const url = new URL(link);
    const target = url.hostname.endsWith('google.com') && url.pathname === '/url' ? (url.searchParams.get('url') ?? url.searchParams.get('q')) : null;
    return target && /^https?:\/\//.test(target) ? target : link;
  } catch {
    return link;
  }
}

export function createGoogleAlertsSource(): SourceType {
  return {
    type: 'google-alerts',
    request: (source) => ({ url: source.url, headers: { accept: FEED_ACCEPT } }),
    parse: (document, source) =>
      mapEntries(readFeedEntries(document), (entry) => {
        const item = feedEntryToItem(entry, source);
        return { ...item, url: unwrapGoogleRedirect(item.url) };
      }),
  };
}

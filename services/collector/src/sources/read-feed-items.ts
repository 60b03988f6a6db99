// Feed entries (from @earshot/feeds) as source items: clean text for the pipeline, the original
// HTML kept, the item's own id, the best date it has. Shared by every feed-based source type.
import type { SourceConfig } from '@earshot/config';
import { entryHtml, entryText, htmlToText, parseFeed, isParseError, type FeedEntry } from '@earshot/feeds';
import { EarshotError } from '@earshot/core';
import { statedLanguageHolds } from '@earshot/nlp/lang';
import type { DroppedItems, FetchedDocument, ParsedItems, SourceItem } from '../source-type.js';

const TITLE_FROM_TEXT = 120;

export interface FeedEntries {
  entries: FeedEntry[];
  /** The feed's own language (RSS <language>, Atom xml:lang on the feed), for items that state none. */
  language?: string;
  /** Items the parser could not return (a feed cut at a limit, items of the wrong type). */
  dropped: DroppedItems;
}

export function readFeedEntries(document: FetchedDocument): FeedEntries {
  const result = parseFeed(document.body, { contentType: document.headers['content-type'] });
  if (isParseError(result)) throw new EarshotError(result.error);
  const language = result.feed.language;
  return { entries: result.items, ...(language ? { language } : {}), dropped: result.dropped ?? {} };
}

/**
 * Entries to items, the dropped counts carried along. Items that state no language get the feed's,
 * unless the items whose language is clear say the feed's tag is wrong (many feeds say en-US
 * whatever they carry: nlp's stated-language.ts); then the analyzer detects each one's.
 */
export function mapEntries(feed: FeedEntries, toItem: (entry: FeedEntry) => SourceItem): ParsedItems {
  const items = feed.entries.map(toItem);
  const { language } = feed;
  if (!language) return { items, dropped: feed.dropped };
  const unstated = items.filter((item) => item.lang === undefined).map((item) => `${item.title}\n${item.text}`);
  if (!statedLanguageHolds(language, unstated)) return { items, dropped: feed.dropped };
  return { items: items.map((item) => (item.lang === undefined ? { ...item, lang: language } : item)), dropped: feed.dropped };
}

export function feedEntryToItem(entry: FeedEntry, source: SourceConfig): SourceItem {
  const html = entryHtml(entry);
  const text = entryText(entry);
  // Posts without titles (Mastodon, microblogs) are titled by the start of their text.
  const title = htmlToText(entry.title ?? '') || (text.length > TITLE_FROM_TEXT ? `${text.slice(0, TITLE_FROM_TEXT - 1)}…` : text);
  // The operator's `lang` for the source outranks what the feed claims (many feeds say en-us by default).
  const lang = source.lang ?? entry.language;
  return {
    ...(entry.guid || entry.link ? { itemId: entry.guid || entry.link } : {}),
    url: entry.link ?? '',
    title,
    text,
    ...(/<[a-z!]/i.test(html) ? { html } : {}),
    ...(entry.author ? { author: entry.author } : {}),
    ...(entry.pubDate || entry.updated ? { publishedAt: entry.pubDate ?? entry.updated } : {}),
    ...(lang ? { lang } : {}),
  };
}

// JSON Feed 1.0 and 1.1 (https://jsonfeed.org). Values of the wrong type are ignored, never coerced
// into text; string values are trimmed; a non-string item id is coerced to a string as 1.1 asks,
// and an item whose id is not a scalar is dropped. Titles and descriptions are plain text: markup in
// them stays literal.
import { compact, type FeedEntry, type FeedEnclosure, type ParsedFeed } from './feed-model.js';
import { parseDate } from './parse-date.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/** 1.1 `authors: [{name}]`, or the 1.0 `author: {name}` that 1.1 readers still accept. */
function authorName(obj: Json): string | undefined {
  const authors = Array.isArray(obj.authors) ? obj.authors : [];
  const candidates = [...authors, obj.author].filter(isObject);
  for (const author of candidates) {
    const name = str(author.name);
    if (name) return name;
  }
  return undefined;
}

function itemId(value: unknown): string | undefined | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return undefined;
  return null;
}

function readItem(item: Json): FeedEntry | undefined {
  const id = itemId(item.id);
  if (id === null) return undefined;
  const html = str(item.content_html);
  const attachments = Array.isArray(item.attachments) ? item.attachments.filter(isObject) : [];
  const enclosures = attachments.map((a): FeedEnclosure =>
    compact({ url: str(a.url), type: str(a.mime_type), length: typeof a.size_in_bytes === 'number' ? String(a.size_in_bytes) : undefined }),
  );
  return compact({
    title: str(item.title),
    link: str(item.url) ?? str(item.external_url),
    guid: id,
    author: authorName(item),
    language: str(item.language),
    pubDate: parseDate(str(item.date_published)),
    updated: parseDate(str(item.date_modified)),
    summary: str(item.summary),
    content: html || str(item.content_text) || html,
    categories: Array.isArray(item.tags) ? item.tags.map(str).filter((t): t is string => !!t) : [],
    enclosures,
  });
}

export function jsonFeedFormat(version: unknown): string {
  const v = str(version)
    ?.replace(/^http:/, 'https:')
    .replace(/\/$/, '');
  if (v === 'https://jsonfeed.org/version/1') return 'json1';
  if (v === 'https://jsonfeed.org/version/1.1') return 'json11';
  return 'json';
}

export function readJsonFeed(text: string, encoding: string): ParsedFeed | { error: string; encoding: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { error: `not a JSON Feed: not valid JSON: ${(err as Error).message.replace(/\s+/g, ' ')}`, encoding };
  }
  if (!isObject(doc)) return { error: 'not a JSON Feed: the document is not an object', encoding };
  const raw: unknown[] = Array.isArray(doc.items) ? doc.items : [];
  const items = raw
    .filter(isObject)
    .map(readItem)
    .filter((i): i is FeedEntry => !!i);
  const malformed = raw.length - items.length;
  return {
    ...(malformed ? { dropped: { malformed }, warnings: [`${malformed} items of the wrong type were dropped`] } : {}),
    encoding,
    format: jsonFeedFormat(doc.version),
    feed: compact({
      title: str(doc.title),
      link: str(doc.home_page_url),
      id: str(doc.feed_url),
      author: authorName(doc),
      language: str(doc.language),
      description: str(doc.description),
    }),
    items,
  };
}

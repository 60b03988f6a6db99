// What a parsed feed looks like, whatever its format: the field names and value conventions of the
// conformance corpus (shared/data/feeds/SOURCES.md), so `earshot feeds parse` prints them as they are.
// Text values are the source strings (HTML-typed text stays HTML); dates are ISO-8601 UTC.

export interface FeedEnclosure {
  url?: string;
  type?: string;
  length?: string;
}

export interface FeedEntry {
  title?: string;
  link?: string;
  /** RSS guid, Atom id, RDF rdf:about, JSON Feed id. */
  guid?: string;
  author?: string;
  language?: string;
  /** When the item was first published. */
  pubDate?: string;
  /** When the item was last changed (Atom updated, dc:date, dcterms:modified). */
  updated?: string;
  summary?: string;
  content?: string;
  categories?: string[];
  enclosures?: FeedEnclosure[];
  /** Media RSS (YouTube puts a video's text and audience here). Not a corpus field. */
  media?: FeedMedia;
  /** RSS <source>: the publication an aggregator (Google News) took the item from. Not a corpus field. */
  source?: string;
}

export interface FeedMedia {
  description?: string;
  thumbnail?: string;
  views?: number;
  /** Average star rating with its scale. */
  rating?: { average: number; min: number; max: number };
}

export interface FeedMeta {
  title?: string;
  link?: string;
  id?: string;
  author?: string;
  language?: string;
  updated?: string;
  published?: string;
  description?: string;
}

/** feedparser's version codes: rss090, rss091n, rss091u, rss092–094, rss20, rss10, rss, atom03, atom10, atom, cdf, json1, json11, json. */
export type FeedFormat = string;

export interface ParsedFeed {
  encoding: string;
  format: FeedFormat;
  feed: FeedMeta;
  items: FeedEntry[];
  /** Set when the document was damaged or cut short by a limit but still read. */
  warnings?: string[];
  /** Items not returned, by reason (set only when some were). Not a corpus field. */
  dropped?: DroppedItems;
}

export interface DroppedItems {
  /** Items in the part of the document past the size or nesting limit (counted, not read). */
  truncated?: number;
  /** Items of the wrong type (a JSON Feed item that is not an object, or whose id is not a scalar). */
  malformed?: number;
}

export interface FeedParseError {
  /** What is wrong, whole: it starts "not a feed" or "not a JSON Feed", so callers pass it on as it is. */
  error: string;
  encoding?: string;
}

export type FeedParseResult = ParsedFeed | FeedParseError;

export function isParseError(result: FeedParseResult): result is FeedParseError {
  return 'error' in result;
}

/** Drops undefined and blank-array fields so the printed JSON has only what was found. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[key] = v;
  }
  return out as T;
}

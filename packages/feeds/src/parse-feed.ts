// The one entry point: feed bytes (and the HTTP Content-Type they came with) in, a ParsedFeed or a
// clear error out. Never throws on bad input; a damaged document is read as far as it makes sense.
import { decodeBytes } from './detect-encoding.js';
import type { FeedEntry, FeedMeta, FeedParseResult } from './feed-model.js';
import { atomFormat, atomNamespaces, readAtomEntry, readAtomFeed } from './read-atom.js';
import { readJsonFeed } from './read-json-feed.js';
import { readCdf, readRssChannel, readRssItem, rssFormat, rssNamespaces } from './read-rss.js';
import { childrenOf, isElement, parseXml, type XmlElement, type XmlLimits } from './xml-tree.js';

export interface ParseFeedOptions {
  /** The HTTP Content-Type header value, whose charset outranks everything in the document. */
  contentType?: string;
  limits?: XmlLimits;
}

function looksLikeJson(bytes: Uint8Array, contentType: string | undefined): boolean {
  if (/json/i.test(contentType ?? '')) return true;
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b;
  }
  return false;
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

/** The feed element: the root, or for a feed wrapped in something else, the first one inside. */
function findFeedRoot(root: XmlElement | undefined): XmlElement | undefined {
  const queue: { el: XmlElement; depth: number }[] = root ? [{ el: root, depth: 0 }] : [];
  while (queue.length) {
    const { el, depth } = queue.shift()!;
    if (FEED_ROOTS.has(el.local) && el.local !== 'html') return el;
    if (depth < 2 && el.local !== 'html' && el.local !== 'body') for (const c of el.children) if (isElement(c)) queue.push({ el: c, depth: depth + 1 });
  }
  return undefined;
}

/** RSS items and Atom entries opening in the unread rest of a cut document: what the cut dropped. */
function countItemTags(text: string, from: number): number {
  return text.slice(from).match(/<(?:[\w.-]+:)?(?:item|entry)[\s>/]/gi)?.length ?? 0;
}

export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): FeedParseResult {
  const json = looksLikeJson(bytes, options.contentType);
  const { encoding, text } = decodeBytes(bytes, { contentType: options.contentType, json });
  if (json) return readJsonFeed(text, encoding);
  if (!text.trim()) return { error: 'not a feed: the document is empty', encoding };
  const doc = parseXml(text, options.limits);
  const root = findFeedRoot(doc.root);
  if (!root) return { error: doc.root ? `not a feed: the document is <${doc.root.name}>` : 'not a feed: no XML element found', encoding };
  const unread = doc.truncated ? countItemTags(text, doc.unreadFrom ?? text.length) : 0;
  const warnings = doc.truncated ? [`document exceeded the nesting or size limits; the excess was ignored (${unread} more items not read)`] : undefined;

  let format: string;
  let feed: FeedMeta;
  let items: FeedEntry[];
  if (root.local === 'feed') {
    format = atomFormat(root);
    feed = readAtomFeed(root);
    const atom = atomNamespaces(root);
    items = childrenOf(root, atom, 'entry').map((entry) => readAtomEntry(entry, atom));
  } else if (root.local === 'channel') {
    format = 'cdf';
    ({ feed, items } = readCdf(root, rssNamespaces(root)));
  } else {
    const channel = root.children.find((c): c is XmlElement => isElement(c) && c.local === 'channel');
    const rss = rssNamespaces(channel ?? root);
    format = rssFormat(root, channel, doc.doctype);
    feed = readRssChannel(channel, rss);
    items = [...childrenOf(channel, rss, 'item'), ...childrenOf(root, rss, 'item')].map((item) => readRssItem(item, rss));
  }
  return { encoding, format, feed, items, ...(warnings ? { warnings, dropped: { truncated: unread } } : {}) };
}

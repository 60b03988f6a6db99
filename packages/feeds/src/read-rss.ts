// RSS in all its versions — 0.90 and 1.0 (RDF: items beside the channel, ids in rdf:about), 0.91
// to 0.94 and 2.0 (items inside the channel) — plus Microsoft's CDF, which is RSS's upper-case
// cousin with links and dates in attributes. Dublin Core, dcterms and content:encoded are read as
// feedparser reads them: dc:date is the item's `updated`, pubDate/dcterms:issued its `pubDate`.
import { compact, type FeedEntry, type FeedMeta } from './feed-model.js';
import { RSS090_NAMESPACES } from './namespaces.js';
import { parseDate } from './parse-date.js';
import { readMedia } from './read-media.js';
import { attrOf, childOf, childrenOf, innerXml, textContent, valueOf, type XmlElement } from './xml-tree.js';

function text(el: XmlElement | undefined): string | undefined {
  const value = valueOf(el)?.trim();
  return value === undefined ? undefined : value;
}

/** The first of several (namespace, name) candidates that is present. */
function first(el: XmlElement, candidates: [string | string[], string][]): XmlElement | undefined {
  for (const [ns, local] of candidates) {
    const found = childOf(el, ns, local);
    if (found) return found;
  }
  return undefined;
}

/** For dates a repeated element means a correction: the last one wins (as in feedparser). */
function lastDate(el: XmlElement, candidates: [string | string[], string][]): string | undefined {
  for (const [ns, local] of candidates) {
    const all = childrenOf(el, ns, local);
    for (let i = all.length - 1; i >= 0; i--) {
      const date = parseDate(textContent(all[i]!));
      if (date) return date;
    }
  }
  return undefined;
}

function alternateLink(el: XmlElement): string | undefined {
  const link = childrenOf(el, 'atom', 'link').find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate');
  return attrOf(link, 'href')?.trim();
}

function language(el: XmlElement, rss: string[]): string | undefined {
  return (
    text(
      first(el, [
        [rss, 'language'],
        ['dc', 'language'],
      ]),
    ) ?? el.attrs['xml:lang']
  );
}

/** The namespaces read as RSS: none, the known RSS URIs, and whatever namespace the channel is in. */
export function rssNamespaces(channel: XmlElement | undefined): string[] {
  return [...new Set(['', channel?.ns ?? ''])].filter((ns) => ns !== 'rdf' && ns !== 'atom');
}

export function rssFormat(root: XmlElement, channel: XmlElement | undefined, doctype: string | undefined): string {
  if (root.local === 'rdf') return RSS090_NAMESPACES.includes(channel?.uri ?? root.attrs.xmlns ?? '') ? 'rss090' : 'rss10';
  const version = (attrOf(root, 'version') ?? '').trim();
  if (version === '0.91') return /netscape/i.test(doctype ?? '') ? 'rss091n' : 'rss091u';
  if (version === '0.90') return 'rss090';
  if (['0.92', '0.93', '0.94'].includes(version)) return `rss0${version.slice(2)}`;
  if (version.startsWith('2')) return 'rss20';
  return 'rss';
}

export function readRssChannel(channel: XmlElement | undefined, rss: string[]): FeedMeta {
  if (!channel) return {};
  return compact({
    title: text(
      first(channel, [
        [rss, 'title'],
        ['dc', 'title'],
      ]),
    ),
    link: text(childOf(channel, rss, 'link')) || alternateLink(channel),
    id: text(childOf(channel, 'atom', 'id')),
    description: text(
      first(channel, [
        [rss, 'description'],
        ['dc', 'description'],
        ['atom', 'subtitle'],
      ]),
    ),
    language: language(channel, rss),
    author: text(
      first(channel, [
        [rss, 'managingeditor'],
        ['dc', 'creator'],
        [rss, 'author'],
        ['dc', 'author'],
        ['atom', 'author'],
      ]),
    ),
    updated: lastDate(channel, [
      [rss, 'lastbuilddate'],
      ['dcterms', 'modified'],
      ['dc', 'date'],
      ['atom', 'updated'],
    ]),
    published: lastDate(channel, [
      [rss, 'pubdate'],
      ['dcterms', 'issued'],
    ]),
  });
}

export function readRssItem(item: XmlElement, rss: string[]): FeedEntry {
  const guid = childOf(item, rss, 'guid');
  const body = childOf(item, 'xhtml', 'body');
  const description = text(
    first(item, [
      [rss, 'description'],
      ['dc', 'description'],
    ]),
  );
  // An explicit <summary> is the summary; the description then stands for the content.
  const summary = text(childOf(item, rss, 'summary'));
  const content = text(childOf(item, 'content', 'encoded')) ?? (body ? innerXml(body).trim() : undefined) ?? text(childOf(item, rss, 'fullitem'));
  const pubDate = lastDate(item, [
    [rss, 'pubdate'],
    ['dcterms', 'issued'],
    ['atom', 'published'],
  ]);
  const updated = lastDate(item, [
    ['dc', 'date'],
    ['dcterms', 'modified'],
    ['atom', 'updated'],
  ]);
  const enclosures = childrenOf(item, rss, 'enclosure').map((e) =>
    compact({ url: attrOf(e, 'url')?.trim(), type: attrOf(e, 'type'), length: attrOf(e, 'length') }),
  );
  return compact({
    title: text(
      first(item, [
        [rss, 'title'],
        ['dc', 'title'],
      ]),
    ),
    link: text(childOf(item, rss, 'link')) || alternateLink(item),
    guid: text(guid) ?? attrOf(item, 'about')?.trim() ?? text(childOf(item, 'atom', 'id')),
    author: text(
      first(item, [
        [rss, 'author'],
        ['dc', 'creator'],
        ['dc', 'author'],
      ]),
    ),
    language: language(item, rss),
    // An item with no publication date is dated by the date it carries (dc:date), as rss-parser does.
    pubDate: pubDate ?? updated,
    updated,
    summary: summary ?? description,
    content: content ?? (summary !== undefined ? description : undefined),
    categories: [...childrenOf(item, rss, 'category'), ...childrenOf(item, 'dc', 'subject')].map((c) => textContent(c).trim()).filter(Boolean),
    enclosures,
    media: readMedia(item),
    source: text(childOf(item, rss, 'source')),
  });
}

/** CDF: `<CHANNEL HREF LASTMOD><TITLE/><ABSTRACT/><ITEM HREF LASTMOD>…</ITEM></CHANNEL>`. */
export function readCdf(channel: XmlElement, rss: string[]): { feed: FeedMeta; items: FeedEntry[] } {
  const fields = (el: XmlElement) => ({
    title: text(childOf(el, rss, 'title')),
    link: attrOf(el, 'href')?.trim(),
    summary: text(childOf(el, rss, 'abstract')),
    updated: parseDate(attrOf(el, 'lastmod')),
  });
  const meta = fields(channel);
  return {
    feed: compact({ title: meta.title, link: meta.link, description: meta.summary, updated: meta.updated }),
    items: childrenOf(channel, rss, 'item').map((item) => compact(fields(item))),
  };
}

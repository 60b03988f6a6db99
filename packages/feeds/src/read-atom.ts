// Atom 1.0 and its draft predecessor 0.3 (tagline, issued, modified, `mode="escaped|base64|xml"`).
// Text constructs keep their source: `type="html"` stays HTML, `type="xhtml"` is the markup inside
// the wrapping div.
import { compact, type FeedEntry, type FeedMeta } from './feed-model.js';
import { parseDate } from './parse-date.js';
import { readMedia } from './read-media.js';
import { attrOf, childOf, childrenOf, innerXml, isElement, textContent, type XmlElement } from './xml-tree.js';

/**
 * The namespaces read as Atom: Atom's own, none (feeds that forget the xmlns), and whatever
 * namespace the document's root `feed` element is in (pre-standard drafts used several).
 */
export function atomNamespaces(root: XmlElement): string[] {
  return [...new Set(['atom', '', root.ns])];
}

export function atomText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = (attrOf(el, 'type') ?? '').trim().toLowerCase();
  const mode = (attrOf(el, 'mode') ?? '').trim().toLowerCase();
  if (mode === 'base64') return Buffer.from(textContent(el), 'base64').toString('utf8').trim();
  const elements = el.children.filter(isElement);
  if (elements.length > 0 || type === 'xhtml' || mode === 'xml') {
    const onlyDiv = elements.length === 1 && elements[0]!.local === 'div' && el.children.every((c) => isElement(c) || !c.trim());
    // HTML-typed text wrapped in a stray div (a TypePad habit): the div's character data is the HTML.
    if (onlyDiv && type === 'html') return textContent(elements[0]!).trim();
    return innerXml(onlyDiv ? elements[0]! : el).trim();
  }
  return textContent(el).trim();
}

function plain(el: XmlElement | undefined): string | undefined {
  return el ? textContent(el).trim() : undefined;
}

function lastDate(el: XmlElement, names: string[], atom: string[]): string | undefined {
  for (const name of names) {
    const all = childrenOf(el, atom, name);
    for (let i = all.length - 1; i >= 0; i--) {
      const date = parseDate(textContent(all[i]!));
      if (date) return date;
    }
  }
  return undefined;
}

function personName(el: XmlElement | undefined, atom: string[]): string | undefined {
  if (!el) return undefined;
  const name = childOf(el, atom, 'name');
  const value = name ? textContent(name) : el.children.some(isElement) ? undefined : textContent(el);
  return value?.trim() || undefined;
}

function links(el: XmlElement, rel: string, atom: string[]): XmlElement[] {
  return childrenOf(el, atom, 'link').filter((l) => (attrOf(l, 'rel') ?? 'alternate').trim().toLowerCase() === rel);
}

function alternate(el: XmlElement, atom: string[]): string | undefined {
  const all = links(el, 'alternate', atom);
  const html = all.find((l) => /html/i.test(attrOf(l, 'type') ?? 'text/html')) ?? all[0];
  // A link without href carries its URL as content (an old Atom 0.3 habit).
  return (attrOf(html, 'href') ?? (html ? textContent(html) : undefined))?.trim();
}

function language(el: XmlElement): string | undefined {
  return el.attrs['xml:lang']?.trim() || undefined;
}

export function atomFormat(root: XmlElement): string {
  const version = (attrOf(root, 'version') ?? '').trim();
  if (version === '0.3' || root.uri.toLowerCase().startsWith('http://purl.org/atom/ns#')) return 'atom03';
  if (root.uri.toLowerCase() === 'http://www.w3.org/2005/atom') return 'atom10';
  return 'atom';
}

export function readAtomFeed(root: XmlElement): FeedMeta {
  const atom = atomNamespaces(root);
  return compact({
    title: atomText(childOf(root, atom, 'title')),
    link: alternate(root, atom),
    id: plain(childOf(root, atom, 'id')),
    author: personName(childOf(root, atom, 'author'), atom),
    language: language(root),
    updated: lastDate(root, ['updated', 'modified'], atom),
    published: lastDate(root, ['published', 'issued'], atom),
    description: atomText(childOf(root, atom, 'subtitle') ?? childOf(root, atom, 'tagline')),
  });
}

export function readAtomEntry(entry: XmlElement, atom: string[]): FeedEntry {
  const published = lastDate(entry, ['published', 'issued', 'created'], atom);
  const updated = lastDate(entry, ['updated', 'modified'], atom);
  return compact({
    title: atomText(childOf(entry, atom, 'title')),
    link: alternate(entry, atom),
    guid: plain(childOf(entry, atom, 'id')),
    author: personName(childOf(entry, atom, 'author'), atom),
    language: language(entry),
    // An entry with no publication date is dated by its last update (as rss-parser's isoDate does).
    pubDate: published ?? updated,
    updated,
    summary: atomText(childOf(entry, atom, 'summary')),
    content: atomText(childOf(entry, atom, 'content')),
    categories: childrenOf(entry, atom, 'category')
      .map((c) => (attrOf(c, 'term') ?? attrOf(c, 'label') ?? textContent(c)).trim())
      .filter(Boolean),
    enclosures: links(entry, 'enclosure', atom).map((l) => compact({ url: attrOf(l, 'href')?.trim(), type: attrOf(l, 'type'), length: attrOf(l, 'length') })),
    media: readMedia(entry),
  });
}

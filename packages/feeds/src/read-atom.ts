// Atom 1.0 and its draft predecessor 0.3 (tagline, issued, modified, `mode="escaped|base64|xml"`).
// Text constructs keep their source: `type="html"` stays HTML, `type="xhtml"` is the markup inside
// the wrapping div.
import { compact, type FeedEntry, type FeedMeta } from './feed-model.js';
import { parseDate } from './parse-date.js';
import { attrOf, childOf, childrenOf, innerXml, isElement, textContent, type XmlElement } from './xml-tree.js';

/** Atom elements, and un-namespaced ones in an Atom document (some feeds forget the xmlns). */
const ATOM = ['atom', ''];

export function atomText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = (attrOf(el, 'type') ?? '').trim().toLowerCase();
  const mode = (attrOf(el, 'mode') ?? '').trim().toLowerCase();
  if (mode === 'base64') return Buffer.from(textContent(el), 'base64').toString('utf8').trim();
  const elements = el.children.filter(isElement);
  if (elements.length > 0 || type === 'xhtml' || mode === 'xml') {
    const onlyDiv = elements.length === 1 && elements[0]!.local === 'div' && el.children.every((c) => isElement(c) || !c.trim());
    return innerXml(onlyDiv ? elements[0]! : el).trim();
  }
  return textContent(el).trim();
}

function plain(el: XmlElement | undefined): string | undefined {
  return el ? textContent(el).trim() : undefined;
}

function lastDate(el: XmlElement, names: string[]): string | undefined {
  for (const name of names) {
    const all = childrenOf(el, ATOM, name);
    for (let i = all.length - 1; i >= 0; i--) {
      const date = parseDate(textContent(all[i]!));
      if (date) return date;
    }
  }
  return undefined;
}

function personName(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const name = childOf(el, ATOM, 'name');
  const value = name ? textContent(name) : el.children.some(isElement) ? undefined : textContent(el);
  return value?.trim() || undefined;
}

function links(el: XmlElement, rel: string): XmlElement[] {
  return childrenOf(el, ATOM, 'link').filter((l) => (attrOf(l, 'rel') ?? 'alternate').trim().toLowerCase() === rel);
}

function alternate(el: XmlElement): string | undefined {
  const all = links(el, 'alternate');
  const html = all.find((l) => /html/i.test(attrOf(l, 'type') ?? 'text/html')) ?? all[0];
  return attrOf(html, 'href')?.trim();
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
  return compact({
    title: atomText(childOf(root, ATOM, 'title')),
    link: alternate(root),
    id: plain(childOf(root, ATOM, 'id')),
    author: personName(childOf(root, ATOM, 'author')),
    language: language(root),
    updated: lastDate(root, ['updated', 'modified']),
    published: lastDate(root, ['published', 'issued']),
    description: atomText(childOf(root, ATOM, 'subtitle') ?? childOf(root, ATOM, 'tagline')),
  });
}

export function readAtomEntry(entry: XmlElement): FeedEntry {
  return compact({
    title: atomText(childOf(entry, ATOM, 'title')),
    link: alternate(entry),
    guid: plain(childOf(entry, ATOM, 'id')),
    author: personName(childOf(entry, ATOM, 'author')),
    language: language(entry),
    pubDate: lastDate(entry, ['published', 'issued', 'created']),
    updated: lastDate(entry, ['updated', 'modified']),
    summary: atomText(childOf(entry, ATOM, 'summary')),
    content: atomText(childOf(entry, ATOM, 'content')),
    categories: childrenOf(entry, ATOM, 'category').map((c) => (attrOf(c, 'term') ?? attrOf(c, 'label') ?? textContent(c)).trim()).filter(Boolean),
    enclosures: links(entry, 'enclosure').map((l) => compact({ url: attrOf(l, 'href')?.trim(), type: attrOf(l, 'type'), length: attrOf(l, 'length') })),
  });
}

// Feeds name the same vocabulary with many namespace URIs (RSS 0.90, 1.0 and the "rss2" default
// namespace are all plain RSS) and many prefixes (some never declared). Readers match elements by a
// short canonical name instead: '' for RSS itself, 'atom', 'dc', 'dcterms', 'content', 'rdf', 'xhtml'.

const BY_URI: Record<string, string> = {
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://channel.netscape.com/rdf/simple/0.9/': '',
  'http://purl.org/net/rss1.1#': '',
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/elements/1.0/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://search.yahoo.com/mrss/': 'media',
};

/** Prefixes so common that feeds use them without declaring them. */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  atom: 'atom',
  dc: 'dc',
  dcterms: 'dcterms',
  content: 'content',
  rdf: 'rdf',
  xhtml: 'xhtml',
  xml: 'xml',
  media: 'media',
};

/** The canonical name for a namespace URI; an unknown URI keeps itself, wrapped in braces. */
export function canonicalNamespace(uri: string): string {
  const key = uri.trim().toLowerCase();
  return BY_URI[key] ?? BY_URI[`${key}/`] ?? BY_URI[key.replace(/\/$/, '')] ?? `{${uri}}`;
}

/** The canonical name for a prefix nobody declared. */
export function undeclaredPrefix(prefix: string): string {
  return WELL_KNOWN_PREFIXES[prefix.toLowerCase()] ?? `${prefix.toLowerCase()}:`;
}

/** The RSS namespace URIs, telling RSS 0.90 from 1.0 for the format code. */
export const RSS090_NAMESPACES = ['http://my.netscape.com/rdf/simple/0.9/', 'http://channel.netscape.com/rdf/simple/0.9/'];
export const ATOM03_NAMESPACE = 'http://purl.org/atom/ns#';

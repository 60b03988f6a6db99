// A small, tolerant XML tree for feeds. htmlparser2 (in XML mode) tokenises: it never throws on
// ill-formed input, never reads a DTD, and so never expands a declared entity or fetches an external
// one — XXE and "billion laughs" have nothing to work with. On top of it this file resolves namespace
// prefixes to canonical names, decodes character and (HTML) named references once, keeps CDATA
// verbatim, and bounds nesting depth and node count so a hostile document costs bounded memory.
import { DecodingMode, decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { canonicalNamespace, undeclaredPrefix } from './namespaces.js';

export interface XmlElement {
  /** The qualified name as written (`dc:creator`, `TITLE`). */
  name: string;
  /** The local name, lower-cased (feeds such as CDF use upper case). */
  local: string;
  /** Canonical namespace name (see namespaces.ts). */
  ns: string;
  /** The namespace URI as declared ('' when none). */
  uri: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root?: XmlElement;
  /** The `<!DOCTYPE …>` declaration, if any (RSS 0.91 Netscape vs UserLand differ only there). */
  doctype?: string;
  /** Content was dropped because a limit was hit. */
  truncated: boolean;
  /** Where reading stopped when truncated: the offset in the text of the element not read. */
  unreadFrom?: number;
}

export interface XmlLimits {
  maxDepth?: number;
  maxNodes?: number;
}

export const XML_LIMIT_DEFAULTS = { maxDepth: 256, maxNodes: 200_000 } as const;

function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw, DecodingMode.Strict) : raw;
}

function decodeAttr(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw, DecodingMode.Attribute) : raw;
}

export function parseXml(text: string, limits: XmlLimits = {}): XmlDocument {
  const maxDepth = limits.maxDepth ?? XML_LIMIT_DEFAULTS.maxDepth;
  const maxNodes = limits.maxNodes ?? XML_LIMIT_DEFAULTS.maxNodes;
  const doc: XmlDocument = { truncated: false };
  const stack: { el: XmlElement; scope: Map<string, string> }[] = [];
  let skipped = 0;
  let nodes = 0;
  let inCdata = false;

  const resolve = (prefix: string, scope: Map<string, string>): { ns: string; uri: string } => {
    const uri = scope.get(prefix);
    if (uri !== undefined) return { ns: uri === '' ? '' : canonicalNamespace(uri), uri };
    return prefix ? { ns: undeclaredPrefix(prefix), uri: '' } : { ns: '', uri: '' };
  };

  const parser = new Parser(
    {
      onopentag(name, rawAttrs) {
        if (stack.length >= maxDepth || nodes >= maxNodes) {
          // No feed nests this deep or this large: stop reading, keep what was read. (Stopping,
          // not skipping, also bounds htmlparser2's own tag stack, whose cost grows with depth.)
          doc.truncated = true;
          doc.unreadFrom = parser.startIndex;
          parser.pause();
          return;
        }
        if (skipped > 0 || (stack.length === 0 && doc.root)) {
          skipped++;
          return;
        }
        nodes++;
        const parent = stack[stack.length - 1];
        const scope = new Map(parent?.scope ?? []);
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(rawAttrs)) {
          const decoded = decodeAttr(value);
          attrs[key] = decoded;
          if (key === 'xmlns') scope.set('', decoded);
          else if (key.startsWith('xmlns:')) scope.set(key.slice(6), decoded);
        }
        const colon = name.indexOf(':');
        const prefix = colon > 0 ? name.slice(0, colon) : '';
        const { ns, uri } = resolve(prefix, scope);
        const el: XmlElement = { name, local: name.slice(colon + 1).toLowerCase(), ns, uri, attrs, children: [] };
        if (parent) parent.el.children.push(el);
        else doc.root = el;
        stack.push({ el, scope });
      },
      onclosetag() {
        if (skipped > 0) skipped--;
        else stack.pop();
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (!top || skipped > 0) return;
        const value = inCdata ? data : decodeText(data);
        const last = top.el.children[top.el.children.length - 1];
        if (typeof last === 'string') top.el.children[top.el.children.length - 1] = last + value;
        else {
          nodes++;
          top.el.children.push(value);
        }
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '!doctype') doc.doctype = data;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.end(text);
  return doc;
}

// ---- reading the tree ------------------------------------------------------------------------

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object';
}

/** Element children matching a canonical namespace (or any of several) and a lower-case local name. */
export function childrenOf(el: XmlElement | undefined, ns: string | string[], local: string): XmlElement[] {
  if (!el) return [];
  const spaces = Array.isArray(ns) ? ns : [ns];
  return el.children.filter((c): c is XmlElement => isElement(c) && c.local === local && spaces.includes(c.ns));
}

export function childOf(el: XmlElement | undefined, ns: string | string[], local: string): XmlElement | undefined {
  return childrenOf(el, ns, local)[0];
}

/** An attribute by local name, case-insensitively, ignoring its prefix (`rdf:about` → `about`). */
export function attrOf(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  if (el.attrs[local] !== undefined) return el.attrs[local];
  const wanted = local.toLowerCase();
  for (const [key, value] of Object.entries(el.attrs)) {
    const bare = key.slice(key.indexOf(':') + 1).toLowerCase();
    if (bare === wanted && !key.startsWith('xmlns')) return value;
  }
  return undefined;
}

/** All character data inside an element, markup dropped. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (isElement(c) ? textContent(c) : c)).join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function serialise(node: XmlNode): string {
  if (!isElement(node)) return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
    .map(([key, value]) => ` ${key}="${escapeText(value).replace(/"/g, '&quot;')}"`)
    .join('');
  const name = node.ns === 'xhtml' ? node.name.slice(node.name.indexOf(':') + 1) : node.name;
  if (node.children.length === 0) return `<${name}${attrs} />`;
  return `<${name}${attrs}>${node.children.map(serialise).join('')}</${name}>`;
}

/** The markup inside an element, re-serialised (inline XHTML content). */
export function innerXml(el: XmlElement): string {
  return el.children.map(serialise).join('');
}

/** An element's value: its text, or its inner markup when it holds elements (unescaped HTML). */
export function valueOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  return el.children.some(isElement) ? innerXml(el) : textContent(el);
}

// Everything that makes a text a mention of one brand, compiled once per brand: its query, its own
// accounts and hashtags (a post by one of its accounts is about it), and its name glued into other
// people's handles and hashtags ("@AcmeSupport", "#акмеживи"). It also tells whether a post is by one
// of the brand's own accounts or addressed to one.
//
// A glued tag is read as the brand's word before the query runs (the tag is kept, the name is added
// after it), so the query's AND, NOT and NEAR still apply to it: `acme AND NOT jobs` does not take
// "#acmejobs hiring" in merely because the tag starts with "acme".

import { compileBrandQuery, type BrandQuery } from './compile-brand-query.js';
import { brandWords, compactWord } from './brand-words.js';
import { parseQuery } from './parse-query.js';
import { tagCarriesName, tagTokens } from './tag-tokens.js';

export type MatchedBy = 'query' | 'handle';
export type AccountRole = 'by-brand' | 'to-brand';

export interface BrandMatcherOptions {
  query: string;
  /** The display name; its letters count as one more name for glued tags. */
  name: string;
  /** The brand's own accounts ("@AcmeSupport"): a mention of one is a mention of the brand. */
  handles?: readonly string[];
  /** The brand's own hashtags ("#acme", "#acmelife"). */
  hashtags?: readonly string[];
}

export interface BrandMatcher {
  query: BrandQuery;
  /** How the item mentions the brand (a post by one of its own accounts counts), or undefined. */
  match(item: BrandItem): MatchedBy | undefined;
  /** Posted by one of the brand's own accounts, or addressed to one (an @-mention of it). */
  accountRole(item: BrandItem): AccountRole | undefined;
}

export interface BrandItem {
  text: string;
  author?: string;
}

export function compileBrandMatcher(options: BrandMatcherOptions): BrandMatcher {
  const query = compileBrandQuery(options.query);
  const names = brandWords(parseQuery(options.query), options.name).sort((a, b) => b.length - a.length);
  const ownHandles = new Set((options.handles ?? []).map(compactWord).filter(Boolean));
  const ownTags = new Set((options.hashtags ?? []).map(compactWord).filter(Boolean));
  return {
    query,
    match({ text, author }) {
      if (query.matches(text)) return 'query';
      if (author && ownHandles.has(authorHandle(author))) return 'handle';
      // The author's handle counts like a tag in the text: "@kaspi_kz" posting "Акция до пятницы".
      const handle = author ? authorTag(author) : undefined;
      const tags = tagTokens(handle ? `${text}\n${handle}` : text);
      if (tags.length === 0) return undefined;
      if (tags.some((t) => (t.sigil === '@' ? ownHandles : ownTags).has(t.folded))) return 'handle';
      const added: string[] = [];
      for (const tag of tags) {
        const name = names.find((n) => tagCarriesName(tag, n));
        if (name) added.push(name);
      }
      if (added.length === 0) return undefined;
      return query.matches(`${text}\n${added.join(' ')}`) ? 'handle' : undefined;
    },
    accountRole(item) {
      if (ownHandles.size === 0) return undefined;
      if (item.author && ownHandles.has(authorHandle(item.author))) return 'by-brand';
      return tagTokens(item.text).some((t) => t.sigil === '@' && ownHandles.has(t.folded)) ? 'to-brand' : undefined;
    },
  };
}

/** The author as a handle token ("@acme_kz"), when it is written as one: "Name (@x)", "@x" or a bare "x_y". */
function authorTag(author: string): string | undefined {
  const at = /@([\p{L}\p{N}\p{M}_]+)/u.exec(author);
  if (at) return `@${at[1]}`;
  return /^[\p{L}\p{N}\p{M}_.]+$/u.test(author.trim()) ? `@${author.trim().replace(/\./g, '_')}` : undefined;
}

/** "Acme Support (@AcmeSupport)" → "acmesupport"; a bare "@acme_kz" or "acme_kz" → "acmekz". */
function authorHandle(author: string): string {
  const at = /@([\p{L}\p{N}\p{M}_]+)/u.exec(author);
  return compactWord(at ? at[1]! : author);
}

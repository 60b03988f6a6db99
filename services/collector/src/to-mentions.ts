// Items become mentions. A source may be about one brand (its own review page: `about:`, or a
// review source type with a single brand): every item is then a mention of that brand, whatever its
// text says. Otherwise — and for the source's other brands — each item is matched against the
// brand's query, its own handles and hashtags, and its name glued into tags. Items matching the
// source's `exclude` query are never mentions. Each match is one raw mention with a stable id that
// records how it was matched and whether the brand's own account posted it or was addressed.
import type { SourceConfig } from '@earshot/config';
import type { BrandMatcher, BrandQuery } from '@earshot/nlp/query';
import { mentionId, type MatchedBy, type RawMention } from '@earshot/schema';
import type { SourceItem } from './source-type.js';

export interface CompiledBrand {
  id: string;
  matcher: BrandMatcher;
}

/** Which brands one source's items are checked against, decided once per source. */
export interface SourceBrands {
  /** The brand every item is about, when the source is owned by one. */
  owner?: CompiledBrand;
  /** Brands matched by their query and tags (the owner is not among them). */
  matched: CompiledBrand[];
  exclude?: BrandQuery;
}

export function itemsToMentions(source: SourceConfig, sourceType: string, items: SourceItem[], brands: SourceBrands, now: Date): RawMention[] {
  const mentions: RawMention[] = [];
  for (const item of items) {
    const haystack = `${item.title}\n${item.text}`;
    if (brands.exclude?.matches(haystack)) continue;
    const found: [CompiledBrand, MatchedBy][] = brands.owner ? [[brands.owner, 'owned-source']] : [];
    const post = { ...(item.author ? { author: item.author } : {}), text: haystack };
    for (const brand of brands.matched) {
      const how = brand.matcher.match(post);
      if (how) found.push([brand, how]);
    }
    for (const [brand, matchedBy] of found) {
      const brandAccount = brand.matcher.accountRole(post);
      mentions.push({
        id: mentionId({ brandId: brand.id, sourceId: source.id, itemId: item.itemId, url: item.url, text: haystack }),
        brandId: brand.id,
        sourceId: source.id,
        sourceType,
        url: item.url,
        title: item.title,
        text: item.text,
        ...(item.html ? { html: item.html } : {}),
        ...(item.author ? { author: item.author } : {}),
        ...((item.lang ?? source.lang) ? { langHint: item.lang ?? source.lang } : {}),
        ...(item.publishedAt && Number.isFinite(Date.parse(item.publishedAt)) ? { publishedAt: new Date(item.publishedAt).toISOString() } : {}),
        collectedAt: now.toISOString(),
        ...(item.rating !== undefined ? { rating: item.rating } : {}),
        ...(item.reach !== undefined ? { reach: item.reach } : {}),
        matchedBy,
        ...(brandAccount ? { brandAccount } : {}),
      });
    }
  }
  return mentions;
}

// Items become mentions: each item is matched against the brand queries of its source, and every
// match is one raw mention with a stable id.
import type { SourceConfig } from '@earshot/config';
import type { BrandQuery } from '@earshot/nlp';
import { mentionId, type RawMention } from '@earshot/schema';
import type { SourceItem } from './source-type.js';

export interface CompiledBrand {
  id: string;
  query: BrandQuery;
}

export function itemsToMentions(source: SourceConfig, sourceType: string, items: SourceItem[], brands: CompiledBrand[], now: Date): RawMention[] {
  const mentions: RawMention[] = [];
  for (const item of items) {
    const haystack = `${item.title}\n${item.text}`;
    for (const brand of brands) {
      if (!brand.query.matches(haystack)) continue;
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
      });
    }
  }
  return mentions;
}

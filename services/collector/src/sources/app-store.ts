// Apple App Store customer reviews, from Apple's public JSON feed:
// https://itunes.apple.com/<country>/rss/customerreviews/id=<app id>/sortBy=mostRecent/json
// Each entry has a star rating (im:rating), a title, the text, the app version and the author;
// older responses lead with an entry describing the app itself, which has no rating and is skipped.
import { EarshotError } from '@earshot/core';
import type { SourceItem, SourceType } from '../source-type.js';
import { readJsonBody } from './read-json.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Apple wraps every value: `{ "label": "…" }`. */
function label(value: unknown): string | undefined {
  if (isObject(value) && typeof value.label === 'string') return value.label.trim();
  return undefined;
}

export function createAppStoreSource(): SourceType {
  return {
    type: 'app-store',
    reviews: true,
    request: (source) => ({ url: source.url, headers: { accept: 'application/json' } }),
    parse(document, source) {
      const doc = readJsonBody(document.body, 'App Store review JSON');
      const feed = isObject(doc) && isObject(doc.feed) ? doc.feed : undefined;
      if (!feed) throw new EarshotError('not App Store review JSON: no "feed" object');
      const entries = Array.isArray(feed.entry) ? feed.entry : isObject(feed.entry) ? [feed.entry] : [];
      return entries.filter(isObject).flatMap((entry): SourceItem[] => {
        const rating = Number(label(entry['im:rating']));
        if (!Number.isFinite(rating)) return [];
        const id = label(entry.id);
        const version = label(entry['im:version']);
        const author = isObject(entry.author) ? label(entry.author.name) : undefined;
        const link =
          isObject(entry.link) && isObject(entry.link.attributes) && typeof entry.link.attributes.href === 'string' ? entry.link.attributes.href : undefined;
        const text = label(entry.content) ?? '';
        return [
          {
            ...(id ? { itemId: id } : {}),
            url: link ?? `${source.url}#review-${id ?? ''}`,
            title: label(entry.title) ?? '',
            text: version ? `${text}\n(app version ${version})` : text,
            ...(author ? { author } : {}),
            ...(label(entry.updated) ? { publishedAt: label(entry.updated) } : {}),
            rating: Math.min(5, Math.max(0, rating)),
            ...(source.lang ? { lang: source.lang } : {}),
          },
        ];
      });
    },
  };
}

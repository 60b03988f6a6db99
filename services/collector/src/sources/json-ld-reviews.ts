// Any web page that carries schema.org Review JSON-LD (product pages, review sites). Each Review is
// one item with its star rating normalised to 1–5. Reviews without their own URL get a stable one
// from the page URL and the review's id or content, so the same review keeps the same mention id.
import { createHash } from 'node:crypto';
import type { SourceConfig } from '@earshot/config';
import { decodeBytes } from '@earshot/feeds';
import { readJsonLdReviews } from './read-json-ld.js';
import type { FetchedDocument, SourceItem, SourceRequest, SourceType } from '../source-type.js';

export interface JsonLdSourceOptions {
  type?: string;
  request?: (source: SourceConfig) => SourceRequest;
}

export function reviewPageItems(document: FetchedDocument, source: SourceConfig): SourceItem[] {
  const { text } = decodeBytes(document.body, { contentType: document.headers['content-type'] });
  return readJsonLdReviews(text).reviews.map((review): SourceItem => {
    const key =
      review.id ??
      review.url ??
      createHash('sha256')
        .update(`${review.author ?? ''}\n${review.datePublished ?? ''}\n${review.body}`)
        .digest('hex')
        .slice(0, 16);
    const url = review.url ?? `${document.url}#review-${encodeURIComponent(key)}`;
    const title = review.title ?? (review.body.length > 100 ? `${review.body.slice(0, 99)}…` : review.body);
    const lang = review.lang ?? source.lang;
    return {
      itemId: key,
      url,
      title,
      text: review.body,
      ...(review.author ? { author: review.author } : {}),
      ...(review.datePublished ? { publishedAt: review.datePublished } : {}),
      ...(review.rating !== undefined ? { rating: review.rating } : {}),
      ...(lang ? { lang } : {}),
    };
  });
}

export function createJsonLdReviewsSource(options: JsonLdSourceOptions = {}): SourceType {
  return {
    type: options.type ?? 'json-ld-reviews',
    reviews: true,
    request: options.request ?? ((source) => ({ url: source.url, headers: { accept: 'text/html,application/xhtml+xml' } })),
    parse: reviewPageItems,
  };
}

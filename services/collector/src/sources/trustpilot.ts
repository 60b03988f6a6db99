// Trustpilot-style company review pages (https://www.trustpilot.com/review/<domain>): the reviews
// are schema.org Review JSON-LD in the page, so this is the JSON-LD reader asking for the newest
// reviews in every language first.
import { createJsonLdReviewsSource } from './json-ld-reviews.js';
import type { SourceType } from '../source-type.js';

export function createTrustpilotSource(): SourceType {
  return createJsonLdReviewsSource({
    type: 'trustpilot',
    request(source) {
      const url = new URL(source.url);
      if (!url.searchParams.has('sort')) url.searchParams.set('sort', 'recency');
      if (!url.searchParams.has('languages')) url.searchParams.set('languages', 'all');
      return { url: url.toString(), headers: { accept: 'text/html,application/xhtml+xml' } };
    },
  });
}

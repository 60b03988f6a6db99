// The registry of source types by config `type`. Add a new type here after writing its file, and its
// name to source-type-names.ts (this record must have one entry per name there, or it does not compile).
import { createAppStoreSource } from './sources/app-store.js';
import { createFeedSource } from './sources/feed.js';
import { createGoogleAlertsSource } from './sources/google-alerts.js';
import { createGoogleNewsSource } from './sources/google-news.js';
import { createHnSearchSource } from './sources/hn-search.js';
import { createJsonLdReviewsSource } from './sources/json-ld-reviews.js';
import { createMastodonSource } from './sources/mastodon.js';
import { createRedditSource } from './sources/reddit.js';
import { createTrustpilotSource } from './sources/trustpilot.js';
import { createYoutubeSource } from './sources/youtube.js';
import type { SourceType } from './source-type.js';
import { SOURCE_TYPE_NAMES, type SourceTypeName } from './source-type-names.js';

const FACTORIES: Record<SourceTypeName, () => SourceType> = {
  feed: () => createFeedSource('feed'),
  rss: () => createFeedSource('rss'),
  atom: () => createFeedSource('atom'),
  rdf: () => createFeedSource('rdf'),
  jsonfeed: () => createFeedSource('jsonfeed'),
  'json-feed': () => createFeedSource('json-feed'),
  reddit: createRedditSource,
  mastodon: createMastodonSource,
  youtube: createYoutubeSource,
  'google-news': createGoogleNewsSource,
  'google-alerts': createGoogleAlertsSource,
  'app-store': createAppStoreSource,
  'hn-search': createHnSearchSource,
  'json-ld-reviews': () => createJsonLdReviewsSource(),
  trustpilot: createTrustpilotSource,
};

export function createSourceTypes(): Map<string, SourceType> {
  return new Map(SOURCE_TYPE_NAMES.map((name) => [name, FACTORIES[name]()]));
}

// The registry of source types by config `type`. Add a new type here after writing its file.
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

export function createSourceTypes(): Map<string, SourceType> {
  const types: SourceType[] = [
    // Plain feeds under every name a config is likely to use.
    ...['feed', 'rss', 'atom', 'rdf', 'jsonfeed', 'json-feed'].map(createFeedSource),
    createRedditSource(),
    createMastodonSource(),
    createYoutubeSource(),
    createGoogleNewsSource(),
    createGoogleAlertsSource(),
    createAppStoreSource(),
    createHnSearchSource(),
    createJsonLdReviewsSource(),
    createTrustpilotSource(),
  ];
  return new Map(types.map((t) => [t.type, t]));
}

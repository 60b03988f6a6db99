// The `type`s a source may have in the config, without the code that reads them: config validation
// needs only the names, and the `@earshot/collector/source-type-names` entry lets a command that
// checks a config (`earshot search`, `config check`) do so without loading the feed, HTML and
// charset parsers. source-types.ts registers one implementation per name; the compiler holds the
// two to the same set.
export const SOURCE_TYPE_NAMES = [
  // Plain feeds under every name a config is likely to use.
  'feed',
  'rss',
  'atom',
  'rdf',
  'jsonfeed',
  'json-feed',
  'reddit',
  'mastodon',
  'youtube',
  'google-news',
  'google-alerts',
  'app-store',
  'hn-search',
  'json-ld-reviews',
  'trustpilot',
] as const;

export type SourceTypeName = (typeof SOURCE_TYPE_NAMES)[number];

// What an entry says, as plain text: its content (or summary, or the media description YouTube
// uses) without markup and without a trailing "Continue reading" line. The collector makes mentions
// of it; the topic tagger's training reads the labeled feed items the same way (nlp data/feed-topics).
import type { FeedEntry } from './feed-model.js';
import { withoutFeedTrailer } from './feed-trailer.js';
import { htmlToText } from './html-to-text.js';

/** The entry's body as it came (HTML or text): content, else summary, else the media description. */
export function entryHtml(entry: FeedEntry): string {
  return entry.content || entry.summary || entry.media?.description || '';
}

/** The entry's body as clean text. */
export function entryText(entry: FeedEntry): string {
  return withoutFeedTrailer(htmlToText(entryHtml(entry)));
}

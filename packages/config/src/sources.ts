// Sources are where mentions come from: a type (rss, atom, jsonfeed, …), a URL, which brand(s) to
// match (or the one brand the whole source is about), and how often to poll.
import { z } from 'zod';
import { durationAtLeast } from './duration.js';

/** Polling a source more often than this is impolite and never needed. */
export const MIN_POLL_INTERVAL_MS = 5_000;

export const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'not an http(s) URL');

export const sourceSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ., - and _'),
  type: z.string().min(1),
  /** What people call this source in the dashboard and reports (default: the URL's host). */
  title: z.string().min(1).max(200).optional(),
  url: httpUrl,
  /** A brand id, a list of them, or "all" (the default): items are matched against these brands' queries. */
  brand: z.union([z.string(), z.array(z.string())]).default('all'),
  /**
   * A brand id: every item of this source is a mention of that brand, with no query matching (its
   * own review page, app listing, support forum). `false` turns off the default that review source
   * types (app-store, trustpilot, json-ld-reviews) take when the source has exactly one brand.
   */
  about: z.union([z.string().min(1), z.literal(false)]).optional(),
  /** A brand query: items of this source that match it are never mentions ("job OR vacancy"). */
  exclude: z.string().min(1).optional(),
  pollInterval: durationAtLeast(MIN_POLL_INTERVAL_MS).default(300_000),
  /** Allow this source to resolve to private, loopback or link-local addresses. */
  allowPrivateNetwork: z.boolean().default(false),
  /** A language hint for items of this source (ISO 639-1). */
  lang: z.string().optional(),
});
export type SourceConfig = z.infer<typeof sourceSchema>;

/** The name shown for a source: its `title`, else its URL's host (`news.google.com`). */
export function sourceTitle(source: Pick<SourceConfig, 'title' | 'url' | 'id'>): string {
  if (source.title) return source.title;
  try {
    return new URL(source.url).host || source.id;
  } catch {
    return source.id;
  }
}

// Stable mention ids: the same item collected twice (or by two collectors) gets the same id, so a
// redelivered or re-collected mention overwrites instead of duplicating.
import { createHash } from 'node:crypto';

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|ref_src|igshid)$/i;

/** Lower-cases the host, drops the fragment, tracking parameters, default ports and a trailing slash. */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  let out = url.toString();
  if (url.pathname !== '/' && out.endsWith('/') && !url.search) out = out.slice(0, -1);
  return out;
}

/**
 * The id of a mention: brand + the item's own id (guid) where the source has one, else its canonical
 * URL, else its text. Hex, 32 characters.
 */
export function mentionId(input: { brandId: string; sourceId: string; itemId?: string; url?: string; text?: string }): string {
  const identity = input.itemId?.trim()
    ? `guid:${input.sourceId}:${input.itemId.trim()}`
    : input.url?.trim()
      ? `url:${canonicalUrl(input.url)}`
      : `text:${input.sourceId}:${(input.text ?? '').trim()}`;
  return createHash('sha256').update(`${input.brandId}\n${identity}`).digest('hex').slice(0, 32);
}

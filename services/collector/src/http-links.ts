// Item links Earshot keeps: http(s) only. A `javascript:`, `data:` or `file:` link would be stored,
// served by the API and dashboard and sent to Slack and e-mail; such an item becomes a mention with
// no link instead, and the links dropped are counted (nothing is dropped silently).
import type { SourceItem } from './source-type.js';

export function isHttpLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The items with every link that is not http(s) removed, and how many were. */
export function keepHttpLinks(items: SourceItem[]): { items: SourceItem[]; dropped: number } {
  let dropped = 0;
  const kept = items.map((item) => {
    if (!item.url || isHttpLink(item.url)) return item;
    dropped++;
    return { ...item, url: '' };
  });
  return { items: kept, dropped };
}

// Test support: the raw mention the runner's tests and the error-policy suite feed a stage, one
// line each; only the id and, for a poison message, the text matter to them.
import type { RawMention } from '@earshot/schema';

export function rawMention(id: string, text = `text of ${id}`): RawMention {
  return {
    id,
    brandId: 'acme',
    sourceId: 's',
    sourceType: 'rss',
    url: `https://x.org/${id}`,
    title: id,
    text,
    collectedAt: '2026-11-20T10:00:00.000Z',
  };
}

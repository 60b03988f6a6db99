// Hacker News search through Algolia's public API:
// https://hn.algolia.com/api/v1/search_by_date?query=<brand>&tags=(story,comment)
// Stories and comments both count; a comment is titled by the story it is under. Points are reach.
import { EarshotError } from '@earshot/core';
import { htmlToText } from '@earshot/feeds';
import type { SourceItem, SourceType } from '../source-type.js';
import { readJsonBody } from './read-json.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export function createHnSearchSource(): SourceType {
  return {
    type: 'hn-search',
    request: (source) => ({ url: source.url, headers: { accept: 'application/json' } }),
    parse(document, source) {
      const doc = readJsonBody(document.body, 'an Algolia HN response');
      const hits = typeof doc === 'object' && doc !== null && Array.isArray((doc as Json).hits) ? ((doc as Json).hits as unknown[]) : undefined;
      if (!hits) throw new EarshotError('not an Algolia HN response: no "hits" array');
      return hits.flatMap((hit): SourceItem[] => {
        if (typeof hit !== 'object' || hit === null) return [];
        const h = hit as Json;
        const id = str(h.objectID);
        if (!id) return [];
        const comment = str(h.comment_text);
        const title = str(h.title) ?? (str(h.story_title) ? `Comment on: ${str(h.story_title)}` : '');
        const html = comment ?? str(h.story_text);
        const points = typeof h.points === 'number' ? h.points : undefined;
        return [
          {
            itemId: id,
            url: `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`,
            title,
            text: html ? htmlToText(html) : title,
            ...(html ? { html } : {}),
            ...(str(h.author) ? { author: str(h.author) } : {}),
            ...(str(h.created_at) ? { publishedAt: str(h.created_at) } : {}),
            ...(points !== undefined && points >= 0 ? { reach: points } : {}),
            ...(source.lang ? { lang: source.lang } : {}),
          },
        ];
      });
    },
  };
}

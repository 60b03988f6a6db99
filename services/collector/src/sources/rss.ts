// RSS and Atom feeds, read with rss-parser after our own charset decoding.
import Parser from 'rss-parser';
import { EarshotError } from '@earshot/pipeline';
import { decodeText } from '../decode-text.js';
import { htmlToText } from '../html-to-text.js';
import type { SourceItem, SourceType } from '../source-type.js';

type FeedItem = Parser.Item & { id?: string; author?: string; 'dc:creator'?: string };

export function createRssSource(): SourceType {
  const parser: Parser<Record<string, never>, FeedItem> = new Parser({ customFields: { item: ['id', 'author', 'dc:creator'] } });
  return {
    type: 'rss',
    async fetch(source, { http, signal }) {
      const res = await http.get(source.url, { allowPrivateNetwork: source.allowPrivateNetwork, signal });
      if (res.status >= 400) throw new EarshotError(`HTTP ${res.status} from ${new URL(source.url).host}`, { retriable: res.status >= 500 || res.status === 429 });
      const text = decodeText(res.body, res.headers['content-type']);
      let feed: Parser.Output<FeedItem>;
      try {
        feed = await parser.parseString(text);
      } catch (err) {
        throw new EarshotError(`not a feed: ${(err as Error).message}`);
      }
      return feed.items.map((item): SourceItem => {
        const html = item.content ?? item.contentSnippet ?? item.summary ?? '';
        const text = htmlToText(item.contentSnippet ?? html);
        return {
          itemId: item.guid ?? item.id,
          url: item.link ?? '',
          title: htmlToText(item.title ?? ''),
          text: text || htmlToText(html),
          html: /<[a-z]/i.test(html) ? html : undefined,
          author: item.creator ?? item['dc:creator'] ?? item.author,
          publishedAt: item.isoDate,
          lang: source.lang,
        };
      });
    },
  };
}

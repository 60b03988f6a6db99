// A loopback HTTP server for tests: serves in-memory feeds by path.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedServer {
  url: string;
  port: number;
  set(path: string, body: string | Buffer, contentType?: string): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, { body: string | Buffer; type: string }>();
  const server = createServer((req, res) => {
    const route = routes.get((req.url ?? '/').split('?')[0]!);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    set: (path, body, type = 'application/rss+xml; charset=utf-8') => routes.set(path, { body, type }),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** An RSS 2.0 document with the given items (our own generated text). */
export function rssFeed(items: { guid: string; title: string; text: string; link: string; date?: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>test</title><link>http://x.invalid/</link><description>test</description>${items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.guid)}</guid>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${esc(i.text)}</description></item>`,
    )
    .join('')}</channel></rss>`;
}

// The demo's live feed: an RSS document that gains one item every interval (cycling through
// demo/live-items.json; item i has the id live-i, so a rerun does not invent new mentions), so `npm start` shows mentions arriving and alerts building.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface LiveItem {
  lang: string;
  author: string;
  title: string;
  text: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function createLiveFeed(options: { intervalMs: number; now: () => number; keep?: number }): { render(): string } {
  const path = fileURLToPath(new URL('../../../demo/live-items.json', import.meta.url));
  const items = (JSON.parse(readFileSync(path, 'utf8')) as { items: LiveItem[] }).items;
  const started = options.now();
  const keep = options.keep ?? 30;
  return {
    render() {
      const released = Math.floor((options.now() - started) / options.intervalMs) + 1;
      const entries: string[] = [];
      for (let i = released - 1; i >= Math.max(0, released - keep); i--) {
        const item = items[i % items.length]!;
        const published = new Date(started + i * options.intervalMs).toUTCString();
        entries.push(
          `<item><title>${escapeXml(item.title)}</title><link>https://demo.earshot.invalid/live/${i}</link>` +
            `<guid isPermaLink="false">live-${i}</guid><author>${escapeXml(item.author)}</author>` +
            `<pubDate>${published}</pubDate><description>${escapeXml(item.text)}</description></item>`,
        );
      }
      return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Earshot demo: live mentions</title><link>https://demo.earshot.invalid/live</link><description>Written for the Earshot demo.</description>${entries.join('')}</channel></rss>`;
    },
  };
}

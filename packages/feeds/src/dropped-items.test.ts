// Nothing dropped silently: a feed cut at the node or depth limit says how many items it did not
// read, and JSON Feed items of the wrong type are counted.
import { describe, expect, it } from 'vitest';
import { isParseError, parseFeed, type ParsedFeed } from './index.js';

const rss = (items: string[]) => `<rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`;
const item = (i: number) => `<item><title>Item ${i}</title><link>https://x.example/${i}</link><guid>g${i}</guid></item>`;
const parsed = (text: string, limits?: { maxNodes?: number; maxDepth?: number }): ParsedFeed => {
  const result = parseFeed(Buffer.from(text), { limits });
  if (isParseError(result)) throw new Error(result.error);
  return result;
};

describe('dropped items are counted', () => {
  it('a feed cut at the node limit: kept + not read = every item', () => {
    const result = parsed(rss(Array.from({ length: 50 }, (_, i) => item(i))), { maxNodes: 100 });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThan(50);
    expect(result.dropped).toEqual({ truncated: 50 - result.items.length });
    expect(result.warnings).toEqual([`document exceeded the nesting or size limits; the excess was ignored (${50 - result.items.length} more items not read)`]);
  });

  it('a deeply nested item stops reading; the items after it are counted', () => {
    const deep = `<item><title>deep</title><description>${'<x>'.repeat(300)}</description></item>`;
    const result = parsed(rss([item(1), deep, item(2), item(3)]));
    expect(result.items.map((i) => i.title)).toEqual(['Item 1', 'deep']);
    expect(result.dropped).toEqual({ truncated: 2 });
  });

  it('JSON Feed items of the wrong type are counted as malformed', () => {
    const result = parsed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [1, 'text', null, { id: { nested: true } }, { id: 'ok', url: 'https://x.example/ok' }],
      }),
    );
    expect(result.items).toHaveLength(1);
    expect(result.dropped).toEqual({ malformed: 4 });
  });

  it('a whole feed reports nothing dropped', () => {
    expect(parsed(rss([item(1), item(2)])).dropped).toBeUndefined();
  });
});

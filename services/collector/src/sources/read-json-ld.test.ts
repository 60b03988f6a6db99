import { describe, expect, it } from 'vitest';
import { extractJsonLdBlocks, normaliseRating, readJsonLdReviews } from './read-json-ld.js';

describe('JSON-LD reviews', () => {
  it('finds only ld+json scripts, tolerating comment wrappers and broken blocks', () => {
    const html = `<script>var x = 1;</script><SCRIPT type='application/ld+json'><!-- {"a": 1} --></SCRIPT><script type="application/ld+json">{broken</script><script type="application/ld+json">[{"b": 2}]</script>`;
    expect(extractJsonLdBlocks(html)).toEqual([{ a: 1 }, [{ b: 2 }]]);
  });

  it('normalises ratings on any scale to 1–5', () => {
    expect([normaliseRating(4), normaliseRating(10, 10, 0), normaliseRating(0, 10, 0), normaliseRating(3, 5, 5), normaliseRating('x')]).toEqual([
      4,
      5,
      1,
      undefined,
      undefined,
    ]);
  });

  it('reads reviews nested in a product and an aggregate rating', () => {
    const html = `<script type="application/ld+json">{"@type":"Product","name":"X","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.2","reviewCount":"10"},"review":{"@type":"Review","reviewBody":"Good","author":{"name":"A"},"reviewRating":{"ratingValue":5}}}</script>`;
    expect(readJsonLdReviews(html)).toEqual({ reviews: [{ body: 'Good', author: 'A', rating: 5 }], aggregate: { rating: 4.2, count: 10, itemName: 'X' } });
  });

  it('costs linear time on a hostile page', () => {
    const started = performance.now();
    expect(extractJsonLdBlocks('<script type="application/ld+json">'.repeat(300_000))).toEqual([]);
    expect(extractJsonLdBlocks(`${'<div>'.repeat(300_000)}<script type="application/ld+json">{"@type":"Review","reviewBody":"deep"}</script>`)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

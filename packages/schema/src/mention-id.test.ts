import { describe, expect, it } from 'vitest';
import { canonicalUrl, mentionId } from './mention-id.js';

describe('mention ids', () => {
  it('is stable for the same item', () => {
    const a = mentionId({ brandId: 'acme', sourceId: 's1', url: 'https://Example.org/a?utm_source=x#top' });
    const b = mentionId({ brandId: 'acme', sourceId: 's2', url: 'https://example.org/a' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });
  it('differs per brand and per item', () => {
    const base = { sourceId: 's1', url: 'https://example.org/a' };
    expect(mentionId({ ...base, brandId: 'acme' })).not.toBe(mentionId({ ...base, brandId: 'other' }));
    expect(mentionId({ brandId: 'acme', sourceId: 's1', itemId: 'g1' })).not.toBe(mentionId({ brandId: 'acme', sourceId: 's1', itemId: 'g2' }));
  });
  it('canonicalises URLs', () => {
    expect(canonicalUrl('https://EXAMPLE.org:443/path/?b=2&a=1&utm_medium=rss#x')).toBe('https://example.org/path/?a=1&b=2');
    expect(canonicalUrl('https://example.org/path/')).toBe('https://example.org/path');
    expect(canonicalUrl('not a url ')).toBe('not a url');
  });
});

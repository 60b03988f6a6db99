import { describe, expect, it } from 'vitest';
import { createLiveFeed } from './live-feed.js';

describe('demo live feed', () => {
  it('releases one more item per interval, newest first, with stable guids', () => {
    let now = 1_000_000;
    const feed = createLiveFeed({ intervalMs: 1000, now: () => now });
    const guids = (xml: string) => [...xml.matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)].map((m) => m[1]);
    expect(guids(feed.render())).toEqual(['live-0']);
    now += 2500;
    expect(guids(feed.render())).toEqual(['live-2', 'live-1', 'live-0']);
    expect(feed.render()).toMatch(/<title>Nordtel outage again tonight<\/title>/);
  });
});

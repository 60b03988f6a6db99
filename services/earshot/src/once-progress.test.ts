import { describe, expect, it } from 'vitest';
import { busiestHost } from './once-progress.js';

describe('busiestHost', () => {
  const on = (host: string, n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://${host}/feed/${i}` }));

  it('names the host whose sources take 10 s or more to poll one interval apart', () => {
    expect(busiestHost([...on('a.example', 3), ...on('feeds.example:8443', 21)], 500)).toEqual({ host: 'feeds.example:8443', sources: 21, seconds: 10 });
    expect(busiestHost(on('a.example', 6), 2_000)).toEqual({ host: 'a.example', sources: 6, seconds: 10 });
  });

  it('says nothing when no host has that many, or the spacing is off', () => {
    expect(busiestHost([...on('a.example', 20), ...on('b.example', 20)], 500)).toBeUndefined();
    expect(busiestHost(on('a.example', 500), 0)).toBeUndefined();
    expect(busiestHost([], 500)).toBeUndefined();
  });
});

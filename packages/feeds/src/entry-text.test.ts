import { describe, expect, it } from 'vitest';
import { entryHtml, entryText } from './entry-text.js';

// Our own entries.
describe('entryText', () => {
  it('reads the content, else the summary, else the media description', () => {
    expect(entryHtml({ content: '<p>Full post</p>', summary: 'Teaser' })).toBe('<p>Full post</p>');
    expect(entryHtml({ summary: 'Teaser', media: { description: 'Video text' } })).toBe('Teaser');
    expect(entryHtml({ media: { description: 'Video text' } })).toBe('Video text');
    expect(entryHtml({})).toBe('');
  });

  it('gives the words without markup and without the "Continue reading" line', () => {
    expect(entryText({ content: '<p>Nordtel cut its <b>prices</b>.</p><p><a href="/x">Continue reading…</a></p>' })).toBe('Nordtel cut its prices.');
  });
});

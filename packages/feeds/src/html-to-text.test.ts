import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps the words, drops tags, scripts and entities', () => {
    expect(htmlToText('<p>Price <b>went</b> up&nbsp;&amp; &#1090;&#x435;</p><script>alert(1)</script><p>next</p>')).toBe('Price went up & те\nnext');
  });
});

describe('htmlToText on hostile markup', () => {
  it('keeps the text of very deep nesting, in bounded time', () => {
    const started = performance.now();
    const text = htmlToText(`${'<b>'.repeat(50_000)}deep words${'</b>'.repeat(50_000)} tail`);
    expect(text).toBe('deep words tail');
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('does not let markup inside attributes or comments leak into the text', () => {
    expect(htmlToText('<a title="x > y">link</a><!-- <p>hidden</p> --> after')).toBe('link after');
  });
});

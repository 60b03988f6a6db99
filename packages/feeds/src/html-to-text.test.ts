import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps the words, drops tags, scripts and entities', () => {
    expect(htmlToText('<p>Price <b>went</b> up&nbsp;&amp; &#1090;&#x435;</p><script>alert(1)</script><p>next</p>')).toBe('Price went up & те\nnext');
  });
});

describe('htmlToText on markup escaped too often', () => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = '<!-- SC_OFF --><div class="md"><p>Nordtel support fixed it &amp; refunded me</p></div>';
  it('reads the words of HTML escaped once or twice more than it should be', () => {
    expect(htmlToText(html)).toBe('Nordtel support fixed it & refunded me');
    expect(htmlToText(escape(html))).toBe('Nordtel support fixed it & refunded me');
    expect(htmlToText(`<td>${escape(escape(html))}</td>`)).toBe('Nordtel support fixed it & refunded me');
  });
  it('leaves a text that shows one tag, escaped or not, as it is', () => {
    expect(htmlToText('<p>Write &amp;lt;br&amp;gt; for a line break</p>')).toBe('Write &lt;br&gt; for a line break');
    expect(htmlToText('<p>Write &lt;br&gt; for a line break</p>')).toBe('Write <br> for a line break');
    expect(htmlToText('<p>History of the &lt;blink&gt; tag</p>')).toBe('History of the <blink> tag');
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

import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps the words, drops tags, scripts and entities', () => {
    expect(htmlToText('<p>Price <b>went</b> up&nbsp;&amp; &#1090;&#x435;</p><script>alert(1)</script><p>next</p>')).toBe('Price went up & те\nnext');
  });
});

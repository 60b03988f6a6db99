import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectCharset } from './decode-text.js';

const xml = (enc: string) => `<?xml version="1.0" encoding="${enc}"?><rss><title>Привет, сәлем</title></rss>`;

describe('decodeText', () => {
  it.each([
    ['windows-1251 from the XML declaration', iconv.encode(xml('windows-1251').replace('сәлем', 'мир'), 'win1251'), undefined, 'windows-1251'],
    ['KOI8-R from the XML declaration', iconv.encode(xml('koi8-r').replace('сәлем', 'мир'), 'koi8-r'), undefined, 'koi8-r'],
    ['the HTTP header over the declaration', iconv.encode(xml('utf-8').replace('сәлем', 'мир'), 'win1251'), 'application/rss+xml; charset=windows-1251', 'windows-1251'],
    ['a UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('utf-16'), 'utf-16le')]), undefined, 'utf-16le'],
    ['UTF-8 by default', Buffer.from(xml('utf-8')), undefined, 'utf-8'],
  ])('decodes %s', (_name, body, contentType, charset) => {
    expect(detectCharset(body, contentType)).toBe(charset);
    expect(decodeText(body, contentType)).toMatch(/<title>Привет, (сәлем|мир)<\/title>/);
  });
});

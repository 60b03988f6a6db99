// Bytes to text with the right charset: the HTTP header first, then a byte-order mark, then the XML
// declaration, else UTF-8 — so windows-1251 and KOI8-R feeds come out right.
import iconv from 'iconv-lite';

export function detectCharset(body: Buffer, contentType?: string): string {
  const header = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (header && iconv.encodingExists(header)) return header.toLowerCase();
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  const head = body.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (declared && iconv.encodingExists(declared)) return declared.toLowerCase();
  return 'utf-8';
}

export function decodeText(body: Buffer, contentType?: string): string {
  const text = iconv.decode(body, detectCharset(body, contentType));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Which character encoding a feed's bytes are in, and the text they make. Precedence: the HTTP
// `charset`, then a byte-order mark (or the UTF-16/32 null-byte pattern of `<?xml`), then the XML
// declaration, then the bytes themselves (valid UTF-8, else statistical detection). rss-parser only
// looks at the header and garbles windows-1251, KOI8-R, ISO-8859-x and UTF-16 feeds; this does not.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  /** The encoding decided on, named as the document (or header) named it. */
  encoding: string;
  text: string;
}

/** Labels the WHATWG Encoding Standard decodes as windows-1252: their bytes above 0x7F are still read. */
const WINDOWS_1252_LABELS = new Set([
  'us-ascii',
  'ascii',
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'iso_8859-1',
  'cp819',
  'ibm819',
  'windows-1252',
  'cp1252',
  'x-cp1252',
]);
/** GB2312 and GBK are subsets of GB18030; decoding with the superset loses nothing. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'csgb2312', 'chinese', 'gb18030']);
const UNICODE = /^(utf-?8|utf-?16(be|le)?|utf-?32(be|le)?|ucs-?2|ucs-?4|unicode)$/;

/** The charset parameter of a Content-Type header value, without quotes. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|([^;\s]*))/i.exec(contentType ?? '');
  const value = (match?.[2] ?? match?.[3] ?? match?.[4] ?? '').trim();
  return value || undefined;
}

function normalise(label: string): string {
  return label.trim().toLowerCase();
}

function supported(label: string): boolean {
  const name = normalise(label);
  return WINDOWS_1252_LABELS.has(name) || GB_LABELS.has(name) || iconv.encodingExists(name);
}

/** The encoding iconv-lite decodes a label with. */
function decoderFor(label: string): string {
  const name = normalise(label);
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (GB_LABELS.has(name)) return 'gb18030';
  if (name === 'utf-16' || name === 'utf16' || name === 'ucs-2' || name === 'unicode') return 'utf-16be';
  if (name === 'utf-32' || name === 'utf32' || name === 'ucs-4') return 'utf-32be';
  return name;
}

/** The encoding a byte-order mark or the null-byte pattern of a leading `<` announces. */
export function sniffUnicode(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return 'utf-32be';
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return 'utf-32le';
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0x00 && b === 0x00 && c === 0x00 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0x00 && c === 0x00 && d === 0x00) return 'utf-32le';
  if (a === 0x00 && b === 0x3c) return 'utf-16be';
  if (a === 0x3c && b === 0x00) return 'utf-16le';
  return undefined;
}

/** The `encoding="…"` of an XML declaration, read from the document's first bytes. */
export function declaredEncoding(bytes: Uint8Array, unicode: string | undefined): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024));
  const text = unicode && unicode !== 'utf-8' ? iconv.decode(head, unicode) : head.toString('latin1');
  return /^\uFEFF?\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(text)?.[1];
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return true;
  return false;
}

/** Statistical detection for documents that say nothing about their encoding and are not UTF-8. */
function guess(bytes: Uint8Array): string {
  const found = chardet.detect(bytes);
  return found && supported(found) ? found : 'windows-1252';
}

export function decideEncoding(bytes: Uint8Array, options: { contentType?: string; json?: boolean } = {}): string {
  const unicode = sniffUnicode(bytes);
  const header = charsetFromContentType(options.contentType);
  if (header && supported(header)) {
    // A header saying "utf-16" leaves the byte order to the BOM.
    const bits = /^utf-?(16|32)$/.exec(normalise(header))?.[1];
    if (bits && unicode?.startsWith(`utf-${bits}`)) return unicode;
    return header;
  }
  if (unicode) return unicode;
  if (options.json) return 'utf-8';
  const declared = declaredEncoding(bytes, unicode);
  if (declared && supported(declared) && !UNICODE.test(normalise(declared))) {
    // Valid UTF-8 with non-ASCII bytes under a legacy declaration is a wrong declaration, not
    // legacy text: real legacy text is almost never valid UTF-8 by accident.
    if (hasHighBytes(bytes) && isUtf8(bytes)) return 'utf-8';
    return declared;
  }
  if (declared && /^utf-?8$/i.test(declared)) return declared;
  if (!hasHighBytes(bytes) || isUtf8(bytes)) return 'utf-8';
  return guess(bytes);
}

export function decodeBytes(bytes: Uint8Array, options: { contentType?: string; json?: boolean } = {}): DecodedText {
  const encoding = decideEncoding(bytes, options);
  let text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), decoderFor(encoding));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { encoding, text };
}

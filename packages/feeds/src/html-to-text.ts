// Item content often arrives as HTML; the pipeline wants clean text (the original is kept beside
// it). htmlparser2 tokenises the markup the way a browser would, so `<` inside attributes or
// comments cannot leak into the text; scripts and styles are dropped, block elements become line
// breaks, and every HTML named entity is decoded. Markup escaped too often (HTML a feed escaped once
// more than its format asks, or twice, as in one of rss-parser's Reddit test feeds) would come out of
// one pass as tags or "&lt;p&gt;" shown as words, so such text gets another pass.
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'dd',
  'dt',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);
/** Past this depth the rest is reduced by a plain tag strip: htmlparser2's cost grows with depth. */
const MAX_DEPTH = 512;

/**
 * Common HTML tags or comments left in the text after a pass, as markup or escaped ("&lt;p"). Two or
 * more say the markup was escaped once or twice too often, and the text gets another pass (at most
 * two more); one alone may be a text that shows a tag.
 */
const LEFTOVER_TAG = /(?:<|&lt;)(?:!--|\/?(?:p|div|span|a|br|img|b|i|em|strong|ul|ol|li|table|tr|td|blockquote|pre|code|h[1-6])\b)/gi;

export function htmlToText(html: string): string {
  let text = markupToText(html);
  for (let pass = 0; pass < 2 && (text.match(LEFTOVER_TAG)?.length ?? 0) >= 2; pass++) text = markupToText(text);
  return text;
}

function markupToText(html: string): string {
  if (!/[<&]/.test(html))
    return html
      .replace(/[ \t\f\v\u00a0]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim();
  const parts: string[] = [];
  let skipping = 0;
  let depth = 0;
  let rest = '';
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (++depth > MAX_DEPTH && !rest) {
          rest = html.slice(parser.endIndex + 1);
          parser.pause();
          return;
        }
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        depth--;
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (!skipping) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (rest) parts.push(' ', rest.replace(/<[^<>]*>/g, ' '));
  return parts
    .join('')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

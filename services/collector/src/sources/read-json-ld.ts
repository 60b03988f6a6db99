// schema.org Review and AggregateRating from the JSON-LD blocks of a web page — how most review
// sites publish their reviews. Only <script type="application/ld+json"> bodies are read (nothing
// is executed), and the walk over them is bounded.
type Json = Record<string, unknown>;

export interface JsonLdReview {
  id?: string;
  url?: string;
  title?: string;
  body: string;
  author?: string;
  datePublished?: string;
  /** Normalised to 1–5 from the review's own scale (bestRating/worstRating). */
  rating?: number;
  lang?: string;
}

export interface JsonLdAggregate {
  itemName?: string;
  rating: number;
  count?: number;
}

export interface JsonLdReviews {
  reviews: JsonLdReview[];
  aggregate?: JsonLdAggregate;
}

const MAX_DEPTH = 24;
const MAX_NODES = 50_000;

/**
 * The parsed bodies of a page's `<script type="application/ld+json">` elements. A script body
 * cannot contain `</script` (HTML's own rule), so one forward scan finds them exactly, in linear
 * time whatever the page does — cheaper and safer than building the page's tree to read them.
 */
export function extractJsonLdBlocks(html: string): unknown[] {
  const blocks: unknown[] = [];
  const lower = html.toLowerCase();
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<script', at);
    const tagEnd = open < 0 ? -1 : lower.indexOf('>', open);
    const close = tagEnd < 0 ? -1 : lower.indexOf('</script', tagEnd);
    if (close < 0) break;
    at = close + 8;
    const type = /\btype\s*=\s*["']?\s*([^"'\s>;]+)/.exec(lower.slice(open + 7, tagEnd))?.[1];
    if (type !== 'application/ld+json') continue;
    // Script text is raw (no entities); some sites wrap it in an HTML comment or a CDATA section.
    const body = html
      .slice(tagEnd + 1, close)
      .trim()
      .replace(/^(<!--|\/\/\s*<!\[CDATA\[)/, '')
      .replace(/(-->|\/\/\s*\]\]>)$/, '');
    try {
      blocks.push(JSON.parse(body));
    } catch {
      // A broken block is skipped; the page's other blocks still count.
    }
  }
  return blocks;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const types = (node: Json): string[] => (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter((t): t is string => typeof t === 'string');
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function name(value: unknown): string | undefined {
  if (Array.isArray(value)) return name(value[0]);
  return isObject(value) ? str(value.name) : str(value);
}

/** A rating on any scale, to 1–5. */
export function normaliseRating(value: unknown, best: unknown = 5, worst: unknown = 1): number | undefined {
  const [v, b, w] = [Number(value), Number(best ?? 5), Number(worst ?? 1)];
  if (!Number.isFinite(v) || !Number.isFinite(b) || !Number.isFinite(w) || b <= w) return undefined;
  const scaled = 1 + ((v - w) * 4) / (b - w);
  return Math.round(Math.min(5, Math.max(0, scaled)) * 100) / 100;
}

function toReview(node: Json): JsonLdReview | undefined {
  const body = str(node.reviewBody) ?? str(node.description) ?? str(node.text);
  if (!body) return undefined;
  const rating = isObject(node.reviewRating)
    ? normaliseRating(node.reviewRating.ratingValue, node.reviewRating.bestRating, node.reviewRating.worstRating)
    : undefined;
  const lang = str(node.inLanguage);
  return {
    ...(str(node['@id']) ? { id: str(node['@id']) } : {}),
    ...(str(node.url) ? { url: str(node.url) } : {}),
    ...((str(node.name) ?? str(node.headline)) ? { title: str(node.name) ?? str(node.headline) } : {}),
    body,
    ...(name(node.author) ? { author: name(node.author) } : {}),
    ...(str(node.datePublished) ? { datePublished: str(node.datePublished) } : {}),
    ...(rating !== undefined ? { rating } : {}),
    ...(lang ? { lang } : {}),
  };
}

export function readJsonLdReviews(html: string): JsonLdReviews {
  const reviews: JsonLdReview[] = [];
  const seen = new Set<Json>();
  let aggregate: JsonLdAggregate | undefined;
  let nodes = 0;

  const visit = (value: unknown, depth: number, parentName?: string): void => {
    if (depth > MAX_DEPTH || nodes++ > MAX_NODES) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1, parentName));
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    const kinds = types(value);
    if (kinds.some((t) => /Review$/.test(t)) && !kinds.includes('AggregateRating')) {
      const review = toReview(value);
      if (review) reviews.push(review);
    }
    if (kinds.includes('AggregateRating') || (isObject(value.aggregateRating) && !aggregate)) {
      const node = kinds.includes('AggregateRating') ? value : (value.aggregateRating as Json);
      const rating = normaliseRating(node.ratingValue, node.bestRating, node.worstRating);
      const count = Number(node.reviewCount ?? node.ratingCount);
      if (rating !== undefined && !aggregate)
        aggregate = { rating, ...(Number.isFinite(count) ? { count } : {}), ...((name(value) ?? parentName) ? { itemName: name(value) ?? parentName } : {}) };
    }
    for (const [key, child] of Object.entries(value)) if (key !== '@context') visit(child, depth + 1, name(value) ?? parentName);
  };
  for (const block of extractJsonLdBlocks(html)) visit(block, 0);
  return { reviews, ...(aggregate ? { aggregate } : {}) };
}

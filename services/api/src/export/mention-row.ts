// One mention as a flat export row (CSV columns, in this order), and CSV encoding that a spreadsheet
// cannot mistake for a formula: cells starting with = + - @ or a tab get a leading apostrophe
// (OWASP's advice against CSV injection). Columns added later go at the end, so a sheet that reads
// the earlier ones by position keeps working.
import { matchedByOf, mentionTime, type EnrichedMention } from '@earshot/schema';

export const CSV_COLUMNS = [
  'id',
  'time',
  'brandId',
  'sourceId',
  'sourceType',
  'lang',
  'sentiment',
  'sentimentScore',
  'topics',
  'warning',
  'recommendation',
  'author',
  'title',
  'text',
  'url',
  'rating',
  'reach',
  'topicSentiment',
  'matchedBy',
  'brandAccount',
  'shortened',
  'readChars',
] as const;

export function mentionRow(m: EnrichedMention): Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> {
  return {
    id: m.id,
    time: new Date(mentionTime(m)).toISOString(),
    brandId: m.brandId,
    sourceId: m.sourceId,
    sourceType: m.sourceType,
    lang: m.nlp.lang,
    sentiment: m.nlp.sentiment.label,
    sentimentScore: m.nlp.sentiment.score,
    topics: m.nlp.topics.map((t) => t.topic).join(';'),
    warning: m.nlp.signals.warning,
    recommendation: m.nlp.signals.recommendation,
    author: m.author,
    title: m.title,
    text: m.text,
    url: m.url,
    rating: m.rating,
    reach: m.reach,
    /** Each topic with its own (aspect) sentiment: `price:negative;service:neutral`. */
    topicSentiment: m.nlp.topics.map((t) => `${t.topic}:${t.sentiment.label}`).join(';'),
    matchedBy: matchedByOf(m),
    brandAccount: m.brandAccount,
    shortened: m.shortened,
    readChars: m.nlp.readChars,
  };
}

export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | number | boolean | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

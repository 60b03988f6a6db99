// Every query-string parameter the API understands, once: how it is validated, how it is described
// in the OpenAPI document, and whether it may repeat. A request with an unknown parameter, a
// repeated single one or a value outside its pattern is a 400 naming each problem; values are only
// ever passed to the store as data (never as query syntax), so nothing here can become an
// Elasticsearch or SQL query.
import { z } from 'zod';
import { BRAND_ACCOUNT_ROLES, MATCHED_BY, SENTIMENT_LABELS, SHORTENED } from '@earshot/schema';
import { isTimeZone } from '@earshot/store';
import { badRequest } from '../http/http-error.js';

const noControlChars = /^[^\p{Cc}\p{Cs}]*$/u;

export const GROUP_FIELDS = ['brandId', 'sentiment', 'topic', 'sourceId', 'lang', 'author'] as const;

export interface ParamSpec {
  description: string;
  schema: z.ZodType<string>;
  /** What a valid value looks like, for the error message. */
  hint: string;
  /** May be given several times (`brand=a&brand=b`), or comma-separated when `commas` is true. */
  multi?: boolean;
  commas?: boolean;
}

const id = (what: string) => z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, `not a ${what} id`);

export const PARAMS = {
  q: {
    description:
      'Full text: every word must occur (from 3 letters also as the start of a word); "quoted phrases" are phrases. Case, Latin diacritics and Hebrew points do not matter (tousid finds tõusid, שלום finds שָׁלוֹם). Plain text, never query syntax.',
    schema: z.string().min(1).max(500).regex(noControlChars),
    hint: '1–500 characters of plain text, no control characters',
  },
  brand: { description: 'Brand id(s).', schema: id('brand'), hint: 'a brand id: lower-case letters, digits, - and _', multi: true, commas: true },
  sentiment: { description: 'Sentiment label(s).', schema: z.enum(SENTIMENT_LABELS), hint: SENTIMENT_LABELS.join(' | '), multi: true, commas: true },
  topic: {
    description: 'Customer-expectation topic(s), e.g. price, service, delivery.',
    schema: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
    hint: 'a topic id such as price or delivery',
    multi: true,
    commas: true,
  },
  lang: {
    description: 'Language code(s) (ISO 639-1, or und).',
    schema: z.string().regex(/^[a-z]{2,3}$/),
    hint: 'a 2–3 letter language code',
    multi: true,
    commas: true,
  },
  source: {
    description: 'Source id(s).',
    schema: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/),
    hint: 'a source id: letters, digits, . _ : -',
    multi: true,
    commas: true,
  },
  author: {
    description: 'Author name(s), exact; repeat the parameter for several.',
    schema: z.string().min(1).max(200).regex(noControlChars),
    hint: '1–200 characters, no control characters',
    multi: true,
  },
  matchedBy: {
    description: 'How mentions were matched to their brand: query, owned-source (every item of a source about the brand) or handle (a handle or hashtag).',
    schema: z.enum(MATCHED_BY),
    hint: MATCHED_BY.join(' | '),
    multi: true,
    commas: true,
  },
  brandAccount: {
    description: "Only posts by the brand's own accounts (by-brand) or addressed to them (to-brand).",
    schema: z.enum(BRAND_ACCOUNT_ROLES),
    hint: BRAND_ACCOUNT_ROLES.join(' | '),
    multi: true,
    commas: true,
  },
  excludeBrandAccount: {
    description: "Leave out posts by the brand's own accounts (by-brand) or addressed to them (to-brand); mentions with neither role stay.",
    schema: z.enum(BRAND_ACCOUNT_ROLES),
    hint: BRAND_ACCOUNT_ROLES.join(' | '),
    multi: true,
    commas: true,
  },
  shortened: {
    description: 'Only mentions the collector cut to fit a message: markup (its markup dropped) or text (its text shortened too).',
    schema: z.enum(SHORTENED),
    hint: SHORTENED.join(' | '),
    multi: true,
    commas: true,
  },
  signal: { description: 'Only mentions that warn others or recommend.', schema: z.enum(['warning', 'recommendation']), hint: 'warning | recommendation' },
  from: {
    description: 'Inclusive start: ISO 8601 time or date, or epoch milliseconds.',
    schema: timeSchema(),
    hint: 'an ISO 8601 time such as 2026-11-23T08:00:00Z, a date, or epoch milliseconds',
  },
  to: {
    description: 'Exclusive end: ISO 8601 time or date, or epoch milliseconds.',
    schema: timeSchema(),
    hint: 'an ISO 8601 time such as 2026-11-23T08:00:00Z, a date, or epoch milliseconds',
  },
  since: {
    description: 'Only the last period, e.g. 15m, 24h, 7d (instead of from).',
    schema: z.string().regex(/^[1-9]\d{0,5}[mhd]$/),
    hint: 'a period such as 15m, 24h or 7d',
  },
  sort: {
    description: 'time (newest first, the default) or relevance (best match first; needs q).',
    schema: z.enum(['time', 'relevance']),
    hint: 'time | relevance',
  },
  limit: { description: 'Page size, 1–200 (default 20).', schema: z.string().regex(/^\d{1,3}$/), hint: 'a whole number from 1 to 200' },
  offset: { description: 'Mentions to skip (limit + offset ≤ 10000).', schema: z.string().regex(/^\d{1,5}$/), hint: 'a whole number from 0 to 10000' },
  interval: {
    description: 'Time bucket width, e.g. 5m, 1h, 1d (default: chosen from the range).',
    schema: z.string().regex(/^[1-9]\d{0,3}[mhd]$/),
    hint: 'a period such as 5m, 1h or 1d',
  },
  timeZone: {
    description: 'IANA time zone for time buckets (local days and hours), e.g. Europe/Tallinn (default UTC).',
    schema: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/)
      .refine(isTimeZone),
    hint: 'an IANA time zone such as Europe/Tallinn or UTC',
  },
  groupBy: {
    description: `One or two of ${GROUP_FIELDS.join(', ')}, comma-separated.`,
    schema: z.enum(GROUP_FIELDS),
    hint: GROUP_FIELDS.join(' | '),
    multi: true,
    commas: true,
  },
  size: { description: 'Most buckets per breakdown, 1–100 (default 10).', schema: z.string().regex(/^\d{1,3}$/), hint: 'a whole number from 1 to 100' },
  format: { description: 'csv or ndjson.', schema: z.enum(['csv', 'ndjson']), hint: 'csv | ndjson' },
  state: { description: 'Alert state.', schema: z.enum(['open', 'resolved']), hint: 'open | resolved' },
  order: {
    description: 'Stories: recent (last mention newest first, the default) or size (largest first).',
    schema: z.enum(['recent', 'size']),
    hint: 'recent | size',
  },
  minSize: { description: 'Stories with at least this many mentions, 1–10000.', schema: z.string().regex(/^\d{1,5}$/), hint: 'a whole number from 1 to 10000' },
  ticket: {
    description: 'A stream ticket from POST /api/v1/stream/ticket (for clients that cannot send headers).',
    schema: z.string().min(1).max(1000),
    hint: 'a ticket',
  },
} satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMS;
export type ParamValues = Partial<Record<ParamName, string[]>>;

function timeSchema(): z.ZodType<string> {
  return z.union([z.iso.datetime({ offset: true }), z.iso.date(), z.string().regex(/^\d{10,13}$/)]);
}

export const FILTER_PARAMS = [
  'brand',
  'sentiment',
  'topic',
  'lang',
  'source',
  'author',
  'matchedBy',
  'brandAccount',
  'excludeBrandAccount',
  'shortened',
  'signal',
  'from',
  'to',
  'since',
] as const satisfies readonly ParamName[];

export interface Problem {
  param: string;
  message: string;
}

/** Validates a query string against the parameters an endpoint allows; throws a 400 listing every problem. */
export function readParams(search: URLSearchParams, allowed: readonly ParamName[]): ParamValues {
  const problems: Problem[] = [];
  const out: ParamValues = {};
  const raw = new Map<string, string[]>();
  for (const [name, value] of search) raw.set(name, [...(raw.get(name) ?? []), value]);
  for (const [name, values] of raw) {
    if (!(allowed as readonly string[]).includes(name)) {
      problems.push({ param: name, message: `unknown parameter (this endpoint takes: ${allowed.join(', ')})` });
      continue;
    }
    const spec: ParamSpec = PARAMS[name as ParamName];
    if (values.length > 1 && !spec.multi) {
      problems.push({ param: name, message: 'given more than once' });
      continue;
    }
    const items = spec.commas ? values.flatMap((v) => v.split(',')).map((v) => v.trim()) : values;
    if (items.length > 50) {
      problems.push({ param: name, message: 'more than 50 values' });
      continue;
    }
    const valid: string[] = [];
    for (const item of items) {
      if (spec.schema.safeParse(item).success) valid.push(item);
      else problems.push({ param: name, message: `${JSON.stringify(item.length > 60 ? `${item.slice(0, 60)}…` : item)} is not ${spec.hint}` });
    }
    out[name as ParamName] = valid;
  }
  if (problems.length) throw badRequest(`invalid query: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`, problems);
  return out;
}

/** The single value of a parameter (readParams already refused repeats). */
export const one = (values: ParamValues, name: ParamName): string | undefined => values[name]?.[0];

export function intParam(values: ParamValues, name: ParamName, bounds: { min: number; max: number; fallback: number }): number {
  const raw = one(values, name);
  if (raw === undefined) return bounds.fallback;
  const n = Number(raw);
  if (n < bounds.min || n > bounds.max)
    throw badRequest(`invalid query: ${name}: ${raw} is not ${PARAMS[name].hint}`, [{ param: name, message: `out of range ${bounds.min}–${bounds.max}` }]);
  return n;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m" → 900000 (the pattern was already checked). */
export function periodMs(value: string): number {
  return Number(value.slice(0, -1)) * UNIT_MS[value.slice(-1)]!;
}

/** ISO time or date, or epoch ms (already pattern-checked) → epoch ms. */
export function timeMs(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

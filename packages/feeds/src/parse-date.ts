// Feed dates come as RFC 822 (RSS), W3C-DTF / ISO 8601 (Atom, Dublin Core, JSON Feed) and, in the
// wild, many near-misses of both. This turns them into an ISO-8601 UTC instant, or undefined.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 zone names and the US/military ones real feeds use, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  a: -60,
  m: -720,
  n: 60,
  y: 720,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
  kst: 540,
  ist: 330,
  aest: 600,
  aedt: 660,
};

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  const named = ZONES[zone.toLowerCase()];
  return named;
}

function build(parts: { y: number; mo: number; d: number; h?: number; mi?: number; s?: number; ms?: number; offset?: number }): string | undefined {
  const { y, mo, d, h = 0, mi = 0, s = 0, ms = 0, offset = 0 } = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function twoDigitYear(year: string): number {
  const n = Number(year);
  if (year.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i;
const RFC822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:(UT|UTC|GMT|Z|[a-z]{1,4}|[+-]\d{2}:?\d{2})\b)?/i;
/** asctime and its cousins: "Wed Dec 31 10:14:55 2003", "Dec 31, 2003 10:14:55 GMT". */
const MONTH_FIRST =
  /^(?:[a-z]+,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([a-z]{1,4}|[+-]\d{2}:?\d{2})\s+)?(\d{4})?/i;

export function parseDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  // No real date is long; a huge one is not worth a regex's time.
  if (!text || text.length > 100) return undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const offset = offsetMinutes(iso[8]);
    if (offset === undefined) return undefined;
    return build({
      y: Number(iso[1]),
      mo: Number(iso[2] ?? 1),
      d: Number(iso[3] ?? 1),
      h: Number(iso[4] ?? 0),
      mi: Number(iso[5] ?? 0),
      s: Number(iso[6] ?? 0),
      ms: iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0,
      offset,
    });
  }
  const rfc = RFC822.exec(text);
  if (rfc && MONTHS[rfc[2]!.toLowerCase()]) {
    const offset = offsetMinutes(rfc[7]) ?? 0;
    return build({
      y: twoDigitYear(rfc[3]!),
      mo: MONTHS[rfc[2]!.toLowerCase()]!,
      d: Number(rfc[1]),
      h: Number(rfc[4] ?? 0),
      mi: Number(rfc[5] ?? 0),
      s: Number(rfc[6] ?? 0),
      offset,
    });
  }
  const asc = MONTH_FIRST.exec(text);
  if (asc && MONTHS[asc[1]!.toLowerCase()] && (asc[3] ?? asc[8])) {
    const offset = offsetMinutes(asc[7]) ?? 0;
    return build({
      y: Number(asc[3] ?? asc[8]),
      mo: MONTHS[asc[1]!.toLowerCase()]!,
      d: Number(asc[2]),
      h: Number(asc[4]),
      mi: Number(asc[5]),
      s: Number(asc[6] ?? 0),
      offset,
    });
  }
  return undefined;
}

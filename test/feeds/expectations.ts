// Checks a parse result against one record of the feed conformance corpus
// (shared/data/feeds/expectations.jsonl), with the value conventions its SOURCES.md lays down:
// strings trimmed, dates compared as instants, encoding names compared as WHATWG aliases (and the
// GB family as one). Every miss comes back with a reason a person can act on.
import { declaredEncoding, sniffUnicode } from '@earshot/feeds';

export interface Expectation {
  path: string;
  op: 'equals' | 'contains' | 'exists' | 'absent';
  value?: unknown;
  basis?: string;
}

export interface ExpectationRecord {
  file: string;
  kind: string;
  expect: Expectation[];
  http_headers?: Record<string, string>;
  description?: string;
  note?: string;
}

export interface Verdict {
  file: string;
  path: string;
  op: string;
  met: boolean;
  /** Met under an alternative SOURCES.md allows (e.g. RFC 7303 instead of RFC 3023). */
  alternative?: string;
  expected?: unknown;
  actual?: unknown;
  note?: string;
}

/** `items[0].categories[1]` → the value at that path, or undefined. */
export function valueAt(result: unknown, path: string): unknown {
  let current: unknown = result;
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    const key = match[1]!;
    if (key === 'length' && Array.isArray(current)) current = current.length;
    else current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) current = Array.isArray(current) ? current[Number(index[1])] : undefined;
  }
  return current;
}

const DATE_FIELD = /(pubDate|updated|published)$/;
const GB_FAMILY = new Set(['gbk', 'gb18030']);

function canonicalEncoding(label: string): string {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    return GB_FAMILY.has(name) ? 'gb18030' : name;
  } catch {
    return label.trim().toLowerCase();
  }
}

function sameValue(path: string, expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number') return actual === expected;
  if (typeof expected !== 'string' || typeof actual !== 'string') return expected === actual;
  if (path === 'encoding') return canonicalEncoding(expected) === canonicalEncoding(actual);
  if (DATE_FIELD.test(path)) {
    const [a, b] = [Date.parse(expected), Date.parse(actual)];
    return Number.isFinite(a) && a === b;
  }
  return expected.trim() === actual.trim();
}

export function checkRecord(record: ExpectationRecord, result: unknown, bytes: Uint8Array): Verdict[] {
  return record.expect.map((e): Verdict => {
    const actual = valueAt(result, e.path);
    const base = { file: record.file, path: e.path, op: e.op, expected: e.value, actual, note: record.note };
    switch (e.op) {
      case 'exists':
        return { ...base, met: actual !== undefined && actual !== null };
      case 'absent':
        return { ...base, met: actual === undefined };
      case 'contains':
        return { ...base, met: typeof actual === 'string' && typeof e.value === 'string' && actual.includes(e.value) };
      case 'equals': {
        if (sameValue(e.path, e.value, actual)) return { ...base, met: true };
        // SOURCES.md: feedparser applies RFC 3023 (text/* without charset = us-ascii); RFC 7303
        // dropped that rule and "a modern reader may legitimately report the declared encoding".
        if (e.path === 'encoding' && record.note?.includes('RFC 3023') && typeof actual === 'string') {
          const modern = declaredEncoding(bytes, sniffUnicode(bytes)) ?? 'utf-8';
          if (canonicalEncoding(modern) === canonicalEncoding(actual)) return { ...base, met: true, alternative: `RFC 7303: declared encoding ${modern}` };
        }
        return { ...base, met: false };
      }
    }
  });
}

/** One line explaining a miss. */
export function explain(v: Verdict): string {
  const show = (x: unknown) => (x === undefined ? 'nothing' : JSON.stringify(typeof x === 'string' && x.length > 120 ? `${x.slice(0, 117)}...` : x));
  const why =
    v.op === 'absent'
      ? `expected absent, got ${show(v.actual)}`
      : v.op === 'exists'
        ? 'expected a value, got nothing'
        : `expected ${v.op} ${show(v.expected)}, got ${show(v.actual)}`;
  return `${v.file} ${v.path}: ${why}${v.note ? ` [note: ${v.note}]` : ''}`;
}

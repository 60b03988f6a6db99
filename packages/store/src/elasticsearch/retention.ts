// How long mentions are kept in Elasticsearch: monthly indices (`<prefix>-mentions-YYYY.MM`) whose
// whole month lies before the cutoff are deleted as a unit (no delete-by-query: cheap, and the
// reindex module is not on every cluster). `13mo` keeps the current month and the 13 before it.
export type Retention = { months: number } | { days: number };

const MONTHLY = /-mentions-(\d{4})\.(\d{2})$/;

/** "13mo", "2y", "400d", "8w" → a retention; anything else → undefined. */
export function parseRetention(text: string): Retention | undefined {
  const m = /^\s*(\d+)\s*(mo|y|w|d)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n <= 0) return undefined;
  switch (m[2]) {
    case 'mo':
      return { months: n };
    case 'y':
      return { months: 12 * n };
    case 'w':
      return { days: 7 * n };
    default:
      return { days: n };
  }
}

/** Mentions older than this instant are past retention (calendar months in UTC). */
export function retentionCutoff(retention: Retention, now: Date): Date {
  if ('days' in retention) return new Date(now.getTime() - retention.days * 86_400_000);
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - retention.months);
  return cutoff;
}

export interface ExpiredIndex {
  index: string;
  /** YYYY.MM */
  month: string;
}

/** The monthly mention indices whose every document is older than the cutoff (their month ended before it). */
export function expiredMentionIndices(indices: string[], prefix: string, cutoff: Date): ExpiredIndex[] {
  const expired: ExpiredIndex[] = [];
  for (const index of indices) {
    if (!index.startsWith(`${prefix}-mentions-`)) continue;
    const m = MONTHLY.exec(index);
    if (!m) continue;
    const monthEnd = Date.UTC(Number(m[1]), Number(m[2]), 1); // first instant of the next month
    if (monthEnd <= cutoff.getTime()) expired.push({ index, month: `${m[1]}.${m[2]}` });
  }
  return expired.sort((a, b) => a.index.localeCompare(b.index));
}

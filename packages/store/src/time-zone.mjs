// Wall-clock time in a named (IANA) time zone, with its daylight-saving rules: the offset at an
// instant, the instant of a wall-clock time, and the start of the local bucket an instant falls in.
// Stores use it to put histogram buckets on local midnights; the notifier uses it to send a report
// at 09:00 in Tallinn all year round. Built on Intl (Node ships the full time-zone database).
// Plain JavaScript (types in time-zone.d.mts) so that the SQLite reader threads, which do not run
// under the TypeScript loader, bucket by the same code as the main thread.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05, the first Monday after the epoch: weekly buckets start on Mondays. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** True for names Intl knows (`Europe/Tallinn`, `UTC`, `America/New_York`). */
export function isTimeZone(name) {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function createZone(name) {
  if (!isTimeZone(name)) throw new RangeError(`not a time zone: ${JSON.stringify(name)} (use an IANA name such as Europe/Tallinn or UTC)`);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  });
  const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  // Offsets only change at clock changes; remembered per quarter hour (offsets are multiples of it).
  const offsets = new Map();

  function parts(utcMs) {
    const out = {};
    for (const p of format.formatToParts(utcMs)) out[p.type] = p.value;
    return {
      year: Number(out.year),
      month: Number(out.month),
      day: Number(out.day),
      hour: Number(out.hour),
      minute: Number(out.minute),
      second: Number(out.second),
      weekday: WEEKDAYS.indexOf(out.weekday ?? ''),
    };
  }

  function offsetAt(utcMs) {
    const slot = Math.floor(utcMs / (15 * MINUTE_MS));
    const known = offsets.get(slot);
    if (known !== undefined) return known;
    const p = parts(utcMs);
    const whole = Math.floor(utcMs / 1000) * 1000;
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(slot, offset);
    return offset;
  }

  function toUtc(localMs) {
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    const valid = [localMs - before, localMs - after].filter((u) => u + offsetAt(u) === localMs);
    if (valid.length) return Math.min(...valid);
    // Skipped wall time (spring forward): the same clock reading after the gap.
    return localMs - before;
  }

  return { name, offsetAt, parts, toUtc };
}

/**
 * Start (UTC ms) of the local bucket of width `intervalMs` holding `utcMs`: buckets lie on local
 * multiples of the width from local midnight (so 1 d = local midnights, 23 or 25 hours long on
 * clock-change days), 7 d buckets start on local Monday midnight. An hour repeated when clocks go
 * back stays two buckets.
 */
export function zonedBucketStart(zone, utcMs, intervalMs) {
  const offset = zone.offsetAt(utcMs);
  const local = utcMs + offset;
  const localStart =
    intervalMs === WEEK_MS ? Math.floor((local - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS : Math.floor(local / intervalMs) * intervalMs;
  const sameOffset = utcMs - (local - localStart);
  // Inside one offset (any sub-hour or hourly bucket, or a day without a clock change) the start is
  // the elapsed local time back; across a clock change, the wall-clock start is resolved again.
  return zone.offsetAt(sameOffset) === offset ? sameOffset : zone.toUtc(localStart);
}

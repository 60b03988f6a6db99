// Wall-clock time in a named (IANA) time zone, with its daylight-saving rules: the offset at an
// instant, the instant of a wall-clock time, and the start of the local bucket an instant falls in.
// Stores use it to put histogram buckets on local midnights; the notifier uses it to send a report
// at 09:00 in Tallinn all year round. Built on Intl (Node ships the full time-zone database).
// Types of time-zone.mjs (plain JavaScript so the SQLite reader threads can load it too).

export declare const MINUTE_MS = 60_000;
export declare const HOUR_MS = 3_600_000;
export declare const DAY_MS = 86_400_000;
export declare const WEEK_MS: number;

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export interface Zone {
  readonly name: string;
  /** Local time minus UTC at this instant, in ms (+3 h in Tallinn in summer). */
  offsetAt(utcMs: number): number;
  /** The wall-clock fields at this instant. */
  parts(utcMs: number): LocalParts;
  /**
   * The instant of a wall-clock time given as "local ms" (the local fields read as if UTC). A time
   * skipped by a clock change moves forward by the gap; a repeated one takes its first occurrence
   * (the `compatible` rule of Temporal and of most calendars).
   */
  toUtc(localMs: number): number;
}

/** True for names Intl knows (`Europe/Tallinn`, `UTC`, `America/New_York`). */
export declare function isTimeZone(name: string): boolean;

/** A zone by IANA name; a RangeError naming the problem for anything else. */
export declare function createZone(name: string): Zone;

/**
 * Start (UTC ms) of the local bucket of width `intervalMs` holding `utcMs`: buckets lie on local
 * multiples of the width from local midnight (so 1 d = local midnights, 23 or 25 hours long on
 * clock-change days), 7 d buckets start on local Monday midnight. An hour repeated when clocks go
 * back stays two buckets.
 */
export declare function zonedBucketStart(zone: Zone, utcMs: number, intervalMs: number): number;

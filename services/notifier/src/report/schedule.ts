// When a scheduled report goes out and which period it covers, on the reader's clock: "weekly,
// Monday 09:00, Europe/Tallinn" is 06:00 UTC in summer and 07:00 UTC in winter, and the week
// before the clocks change is 167 or 169 hours long. Pure functions of the schedule and a time.
import type { ReportSchedule } from '@earshot/config';
import { WEEKDAYS } from '@earshot/config';
import { createZone, DAY_MS, HOUR_MS, WEEK_MS, type Zone } from '@earshot/store';

export interface ReportPeriod {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive: the time the report is sent. */
  to: number;
}

const stepOf = (s: ReportSchedule) => (s.schedule === 'weekly' ? WEEK_MS : DAY_MS);

/** The wall-clock time ("local ms") of the latest scheduled time at or before `at`. */
function latestLocal(s: ReportSchedule, zone: Zone, at: number): number {
  const local = at + zone.offsetAt(at);
  const day = Math.floor(local / DAY_MS) * DAY_MS;
  const back = s.schedule === 'weekly' ? (new Date(day).getUTCDay() - WEEKDAYS.indexOf(s.weekday) + 7) % 7 : 0;
  let candidate = day - back * DAY_MS + s.hour * HOUR_MS;
  while (zone.toUtc(candidate) > at) candidate -= stepOf(s);
  return candidate;
}

/** The latest scheduled time at or before `at` (epoch ms). */
export function latestReportTime(s: ReportSchedule, at: number): number {
  const zone = createZone(s.timeZone);
  return zone.toUtc(latestLocal(s, zone, at));
}

/** The first scheduled time after `at` (epoch ms). */
export function nextReportTime(s: ReportSchedule, at: number): number {
  const zone = createZone(s.timeZone);
  return zone.toUtc(latestLocal(s, zone, at) + stepOf(s));
}

/** The period the report sent at `time` covers: from the scheduled time before it up to `time`. */
export function reportPeriod(s: ReportSchedule, time: number): ReportPeriod {
  return { from: latestReportTime(s, time - 1), to: time };
}

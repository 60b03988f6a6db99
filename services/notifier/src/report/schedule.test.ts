import type { ReportSchedule } from '@earshot/config';
import { describe, expect, it } from 'vitest';
import { latestReportTime, nextReportTime, reportPeriod } from './schedule.js';

const schedule = (over: Partial<ReportSchedule>): ReportSchedule => ({ schedule: 'daily', hour: 9, weekday: 'monday', timeZone: 'UTC', ...over });
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('report schedule', () => {
  it.each([
    // what, schedule, now, next send time (UTC)
    ['daily 09:00 UTC, before the hour', schedule({}), '2026-11-20T08:59:59.000Z', '2026-11-20T09:00:00.000Z'],
    ['daily 09:00 UTC, on the hour: the next day', schedule({}), '2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z'],
    ['daily 09:00 Tallinn in summer (+3)', schedule({ timeZone: 'Europe/Tallinn' }), '2026-07-01T00:00:00.000Z', '2026-07-01T06:00:00.000Z'],
    ['daily 09:00 Tallinn in winter (+2)', schedule({ timeZone: 'Europe/Tallinn' }), '2026-12-01T00:00:00.000Z', '2026-12-01T07:00:00.000Z'],
    ['daily 09:00 Tallinn, the night clocks go back', schedule({ timeZone: 'Europe/Tallinn' }), '2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z'],
    ['daily 09:00 Tallinn, the night clocks go forward', schedule({ timeZone: 'Europe/Tallinn' }), '2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z'],
    [
      'daily 03:00 does not exist in Tallinn on 29 March: 04:00 +3',
      schedule({ timeZone: 'Europe/Tallinn', hour: 3 }),
      '2026-03-28T02:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'daily 03:00 happens twice in Tallinn on 25 October: the first',
      schedule({ timeZone: 'Europe/Tallinn', hour: 3 }),
      '2026-10-24T02:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
    ],
    [
      'daily 00:00 New York across its own change (8 March)',
      schedule({ timeZone: 'America/New_York', hour: 0 }),
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
    ],
    ['daily 09:00 Kolkata (+5:30)', schedule({ timeZone: 'Asia/Kolkata' }), '2026-11-20T04:00:00.000Z', '2026-11-21T03:30:00.000Z'],
    [
      'daily 09:00 Auckland: the local date is already tomorrow',
      schedule({ timeZone: 'Pacific/Auckland' }),
      '2026-11-20T19:00:00.000Z',
      '2026-11-20T20:00:00.000Z',
    ],
    [
      'weekly Monday 09:00 Tallinn, from a Wednesday',
      schedule({ schedule: 'weekly', timeZone: 'Europe/Tallinn' }),
      '2026-11-18T12:00:00.000Z',
      '2026-11-23T07:00:00.000Z',
    ],
    [
      'weekly Monday 09:00 Tallinn, Monday 08:59',
      schedule({ schedule: 'weekly', timeZone: 'Europe/Tallinn' }),
      '2026-11-23T06:59:00.000Z',
      '2026-11-23T07:00:00.000Z',
    ],
    [
      'weekly Monday 09:00 Tallinn, Monday 09:00: next week',
      schedule({ schedule: 'weekly', timeZone: 'Europe/Tallinn' }),
      '2026-11-23T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
    ],
    [
      'weekly Monday 09:00 Tallinn, across the change',
      schedule({ schedule: 'weekly', timeZone: 'Europe/Tallinn' }),
      '2026-10-19T06:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ],
    [
      'weekly Sunday 18:00 Los Angeles',
      schedule({ schedule: 'weekly', weekday: 'sunday', hour: 18, timeZone: 'America/Los_Angeles' }),
      '2026-11-20T00:00:00.000Z',
      '2026-11-23T02:00:00.000Z',
    ],
  ])('%s', (_what, s, now, next) => {
    const t = Date.parse(now);
    expect(iso(nextReportTime(s, t))).toBe(next);
    expect(latestReportTime(s, t)).toBeLessThanOrEqual(t);
    expect(nextReportTime(s, t)).toBeGreaterThan(t);
  });

  it.each([
    // schedule, send time, period start, hours covered
    [schedule({ timeZone: 'Europe/Tallinn' }), '2026-11-21T07:00:00.000Z', '2026-11-20T07:00:00.000Z', 24],
    [schedule({ timeZone: 'Europe/Tallinn' }), '2026-10-25T07:00:00.000Z', '2026-10-24T06:00:00.000Z', 25], // clocks went back
    [schedule({ timeZone: 'Europe/Tallinn' }), '2026-03-29T06:00:00.000Z', '2026-03-28T07:00:00.000Z', 23], // clocks went forward
    [schedule({ schedule: 'weekly', timeZone: 'Europe/Tallinn' }), '2026-10-26T07:00:00.000Z', '2026-10-19T06:00:00.000Z', 169],
    [schedule({ schedule: 'weekly' }), '2026-11-23T09:00:00.000Z', '2026-11-16T09:00:00.000Z', 168],
  ])('%o sent at %s covers from %s (%d hours)', (s, sent, from, hours) => {
    const period = reportPeriod(s, Date.parse(sent));
    expect(iso(period.from)).toBe(from);
    expect((period.to - period.from) / HOUR).toBe(hours);
  });
});

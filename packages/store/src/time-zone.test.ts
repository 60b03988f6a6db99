import { describe, expect, it } from 'vitest';
import { createZone, DAY_MS, HOUR_MS, isTimeZone, zonedBucketStart } from './time-zone.mjs';

const local = (iso: string) => Date.parse(`${iso}Z`);
const utc = (ms: number) => new Date(ms).toISOString();

describe('time zones', () => {
  it.each([
    // zone, wall-clock time, instant
    ['Europe/Tallinn', '2026-07-01T09:00:00', '2026-07-01T06:00:00.000Z'], // summer +3
    ['Europe/Tallinn', '2026-12-01T09:00:00', '2026-12-01T07:00:00.000Z'], // winter +2
    ['Europe/Tallinn', '2026-03-29T03:30:00', '2026-03-29T01:30:00.000Z'], // skipped: read as 04:30 +3
    ['Europe/Tallinn', '2026-10-25T03:30:00', '2026-10-25T00:30:00.000Z'], // repeated: the first one
    ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00.000Z'], // skipped: 03:30 EDT
    ['Asia/Kolkata', '2026-01-01T00:00:00', '2025-12-31T18:30:00.000Z'],
    ['UTC', '2026-01-01T00:00:00', '2026-01-01T00:00:00.000Z'],
  ])('%s %s is %s', (zone, wall, instant) => {
    expect(utc(createZone(zone).toUtc(local(wall)))).toBe(instant);
  });

  it('reads offsets and wall-clock fields', () => {
    const z = createZone('Europe/Tallinn');
    expect(z.offsetAt(Date.parse('2026-10-25T00:59:00Z'))).toBe(3 * HOUR_MS);
    expect(z.offsetAt(Date.parse('2026-10-25T01:00:00Z'))).toBe(2 * HOUR_MS);
    expect(z.parts(Date.parse('2026-10-25T21:59:00Z'))).toEqual({ year: 2026, month: 10, day: 25, hour: 23, minute: 59, second: 0, weekday: 0 });
  });

  it('buckets by local day, 23 hours long when clocks go forward', () => {
    const z = createZone('Europe/Tallinn');
    expect(utc(zonedBucketStart(z, Date.parse('2026-03-29T10:00:00Z'), DAY_MS))).toBe('2026-03-28T22:00:00.000Z');
    expect(utc(zonedBucketStart(z, Date.parse('2026-03-29T21:30:00Z'), DAY_MS))).toBe('2026-03-29T21:00:00.000Z');
  });

  it('knows zone names and refuses others', () => {
    expect(isTimeZone('Europe/Tallinn')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('../../etc')).toBe(false);
    expect(() => createZone('nowhere')).toThrow(/not a time zone: "nowhere"/);
  });
});

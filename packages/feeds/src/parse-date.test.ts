import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.js';

describe('parseDate', () => {
  it.each([
    ['Fri, 20 Nov 2026 10:00:00 GMT', '2026-11-20T10:00:00.000Z'],
    ['Fri, 20 Nov 2026 10:00:00 +0300', '2026-11-20T07:00:00.000Z'],
    ['20 Nov 26 10:00 EST', '2026-11-20T15:00:00.000Z'],
    ['2026-11-20T10:00:00+02:00', '2026-11-20T08:00:00.000Z'],
    ['2026-11-20T10:00:00.520Z', '2026-11-20T10:00:00.520Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['20261120T100000Z', '2026-11-20T10:00:00.000Z'],
    ['Fri Nov 20 10:00:00 2026', '2026-11-20T10:00:00.000Z'],
  ])('%s', (input, expected) => expect(parseDate(input)).toBe(expected));
  it.each(['', 'yesterday', '2026-13-45'])('rejects %j', (input) => expect(parseDate(input)).toBeUndefined());
});

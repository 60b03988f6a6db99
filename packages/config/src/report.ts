// The scheduled report: when a subscription's report goes out — every day or every week, at an
// hour on the reader's clock (`hour: 9, timeZone: Europe/Tallinn` is 09:00 in Tallinn in summer and
// in winter). The notifier computes the times (services/notifier/src/report/schedule.ts).
import { z } from 'zod';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A name the runtime's time-zone database knows (IANA: Europe/Tallinn, America/New_York, UTC). */
const knownZone = (name: string) => {
  try {
    return Boolean(new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
};

export const reportScheduleSchema = z.object({
  /** daily: every day at `hour`; weekly: every `weekday` at `hour`. */
  schedule: z.enum(['daily', 'weekly']),
  /** The hour (0–23) on the clock of `timeZone`. */
  hour: z.number().int().min(0, 'an hour from 0 to 23').max(23, 'an hour from 0 to 23').default(9),
  /** For weekly reports. */
  weekday: z.enum(WEEKDAYS).default('monday'),
  timeZone: z
    .string()
    .refine(knownZone, { error: (issue) => `not a time zone: ${JSON.stringify(issue.input)} (use an IANA name such as Europe/Tallinn or UTC)` })
    .default('UTC'),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

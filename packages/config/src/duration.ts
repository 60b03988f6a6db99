// Durations in config are written as people write them: 30s, 5m, 1h, 7d (or plain seconds); the
// zod types that read them (the parser itself is in parse-duration.ts).
import { z } from 'zod';
import { formatDuration, parseDuration } from './parse-duration.js';

/** A zod type that accepts "5m" / 300 and yields milliseconds. */
export const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a duration (use e.g. 30s, 5m, 1h, 1d): ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
});

/** A duration of at least `minMs` ("pollInterval: 0" would mean "never"; say so instead). */
export function durationAtLeast(minMs: number) {
  return duration.refine((ms) => ms >= minMs, { message: `too short: at least ${formatDuration(minMs)}` });
}

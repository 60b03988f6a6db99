// Durations in config are written as people write them: 30s, 5m, 1h, 7d (or plain seconds).
import { z } from 'zod';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 's']!);
}

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

export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

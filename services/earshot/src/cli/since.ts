// `--since` as people write it: a relative span back from now (`7d`, `24h`, `30m`, read with the same
// duration parser as the config), an ISO time, or epoch milliseconds. Anything else is a usage error
// naming the value, raised as commander's InvalidArgumentError so the CLI exits 2.
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '@earshot/config';

const RELATIVE = /^\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*$/;

/** The ISO time `value` means at `now`, or undefined when it is not a time. */
export function resolveSince(value: string, now: number): string | undefined {
  if (RELATIVE.test(value)) {
    const ms = parseDuration(value);
    return ms === undefined ? undefined : new Date(now - ms).toISOString();
  }
  const time = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** A commander option parser for `--since`, reading the clock when the option is parsed. */
export function sinceOption(now: () => number = Date.now): (value: string) => string {
  return (value) => {
    const iso = resolveSince(value, now());
    if (iso === undefined) throw new InvalidArgumentError(`expected a span back from now (7d, 24h, 30m), an ISO time or epoch ms, got "${value}"`);
    return iso;
  };
}

// The two ways the alerter remembers mentions: an exact sliding window of recent events (ids, times,
// samples — so a redelivered mention is not counted twice and alerts can show what triggered them)
// and a coarse histogram of counts for long baselines (days of history in a few hundred numbers).
// Events leave the window into the baseline histogram, so nothing is counted in both.
import type { AlertSample } from '@earshot/schema';

export interface WindowEvent {
  id: string;
  time: number;
  sample: AlertSample;
  /** Free per-rule tag (e.g. whether the mention was negative, for a share). */
  flag?: boolean;
}

export class EventWindow {
  private readonly events = new Map<string, WindowEvent>();
  constructor(readonly span: number) {}

  /** Adds an event; false when the id is already in the window. */
  add(event: WindowEvent): boolean {
    if (this.events.has(event.id)) return false;
    this.events.set(event.id, event);
    return true;
  }

  /** Drops events at or before `now - span` and returns them (oldest first). */
  prune(now: number): WindowEvent[] {
    const cutoff = now - this.span;
    const out: WindowEvent[] = [];
    for (const [id, event] of this.events) {
      if (event.time <= cutoff) {
        out.push(event);
        this.events.delete(id);
      }
    }
    return out.sort((a, b) => a.time - b.time);
  }

  get size(): number {
    return this.events.size;
  }

  count(predicate?: (e: WindowEvent) => boolean): number {
    if (!predicate) return this.events.size;
    let n = 0;
    for (const e of this.events.values()) if (predicate(e)) n++;
    return n;
  }

  /** Time of the oldest event, or undefined when empty. */
  oldest(predicate?: (e: WindowEvent) => boolean): number | undefined {
    let min: number | undefined;
    for (const e of this.events.values()) if ((!predicate || predicate(e)) && (min === undefined || e.time < min)) min = e.time;
    return min;
  }

  /** The newest `n` samples, newest first. */
  samples(n: number, predicate?: (e: WindowEvent) => boolean): AlertSample[] {
    return [...this.events.values()]
      .filter((e) => !predicate || predicate(e))
      .sort((a, b) => b.time - a.time || a.id.localeCompare(b.id))
      .slice(0, n)
      .map((e) => e.sample);
  }
}

/** Counts per epoch-aligned bucket of `width` milliseconds. */
export class Histogram {
  private readonly buckets = new Map<number, number>();
  constructor(readonly width: number) {}

  bucketOf(time: number): number {
    return Math.floor(time / this.width) * this.width;
  }

  add(time: number, n = 1): void {
    const b = this.bucketOf(time);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + n);
  }

  /** Sum of buckets starting in [from, to). */
  sum(from: number, to: number): number {
    let total = 0;
    for (const [start, n] of this.buckets) if (start >= from && start < to) total += n;
    return total;
  }

  /** One count per aligned bucket starting in [from, to), empty buckets included. */
  series(from: number, to: number): number[] {
    const out: number[] = [];
    for (let start = Math.ceil(from / this.width) * this.width; start < to; start += this.width) out.push(this.buckets.get(start) ?? 0);
    return out;
  }

  /** Start of the newest non-empty bucket. */
  latest(): number | undefined {
    let max: number | undefined;
    for (const [start, n] of this.buckets) if (n > 0 && (max === undefined || start > max)) max = start;
    return max;
  }

  /** Forgets buckets that start before `before`. */
  prune(before: number): void {
    for (const start of this.buckets.keys()) if (start < before) this.buckets.delete(start);
  }
}

export function meanAndDeviation(values: number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

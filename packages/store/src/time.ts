// Mentions are placed in time by when they were published, or collected when the source gives no date.
import type { EnrichedMention } from '@earshot/schema';

export function mentionTime(m: Pick<EnrichedMention, 'publishedAt' | 'collectedAt'>): number {
  const published = m.publishedAt ? Date.parse(m.publishedAt) : NaN;
  return Number.isFinite(published) ? published : Date.parse(m.collectedAt);
}

export function toEpochMs(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${value}`);
  return ms;
}

export const asList = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

// Time bounds and filter values as queries give them (ISO text, epoch ms, one value or a list),
// normalised once for every adapter.

export function toEpochMs(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${value}`);
  return ms;
}

export const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

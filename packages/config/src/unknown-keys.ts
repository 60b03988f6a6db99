// Keys the schema does not know ("sorces:", "pollIntervall", "api.token") would otherwise be dropped
// without a word and the setting silently not applied. This walks the raw document beside the zod
// schema and names every such key by its path, with the nearest known key when one is close.
import { z } from 'zod';

export interface UnknownKey {
  path: string;
  message: string;
}

export function findUnknownKeys(schema: z.ZodType, value: unknown, path = ''): UnknownKey[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    if (!isRecord(value)) return [];
    const shape = inner.shape as Record<string, z.ZodType>;
    const loose = inner.def.catchall !== undefined && !(inner.def.catchall instanceof z.ZodNever);
    const out: UnknownKey[] = [];
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const known = shape[key];
      if (known) out.push(...findUnknownKeys(known, child, childPath));
      else if (!loose) out.push({ path: childPath, message: unknownKeyMessage(key, Object.keys(shape)) });
    }
    return out;
  }
  if (inner instanceof z.ZodArray) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => findUnknownKeys(inner.element as z.ZodType, item, `${path}[${i}]`));
  }
  if (inner instanceof z.ZodDiscriminatedUnion) {
    if (!isRecord(value)) return [];
    const discriminator = inner.def.discriminator;
    const option = (inner.options as z.ZodType[]).find((o) => {
      const d = unwrap(o);
      return d instanceof z.ZodObject && literalValues(d.shape[discriminator] as z.ZodType | undefined).includes(value[discriminator]);
    });
    return option ? findUnknownKeys(option, value, path) : [];
  }
  if (inner instanceof z.ZodUnion) {
    // The first option the value fits decides (objects in plain unions are rare in our config).
    const option = (inner.options as z.ZodType[]).find((o) => o.safeParse(value).success);
    return option ? findUnknownKeys(option, value, path) : [];
  }
  return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodPrefault)
      current = current.def.innerType as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.def.in as z.ZodType;
    else return current;
  }
}

function literalValues(schema: z.ZodType | undefined): unknown[] {
  const inner = schema && unwrap(schema);
  return inner instanceof z.ZodLiteral ? [...inner.values] : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeyMessage(key: string, known: string[]): string {
  const near = known
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(Math.max(k.length, key.length) / 4)))
    .sort((a, b) => a.d - b.d)[0];
  return `unknown key${near ? ` (did you mean "${near.k}"?)` : ''}; known keys: ${known.join(', ')}`;
}

/** Levenshtein distance; config keys are short. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

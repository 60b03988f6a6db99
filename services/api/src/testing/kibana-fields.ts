// Lists every field the Kibana saved objects (infra/kibana) refer to, and how: the data view's time
// field, aggregations and sorts (must be aggregatable), and columns and query fields (must exist).
import { readFileSync } from 'node:fs';

export type FieldUse = 'time' | 'aggregation' | 'sort' | 'column' | 'query';

export interface FieldReference {
  object: string;
  field: string;
  use: FieldUse;
}

export const SAVED_OBJECTS_PATH = new URL('../../../../infra/kibana/saved-objects.ndjson', import.meta.url);

export function readSavedObjects(): { id: string; type: string; attributes: Record<string, unknown> }[] {
  return readFileSync(SAVED_OBJECTS_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; type: string; attributes: Record<string, unknown> });
}

/** Field names in a KQL query: the left side of `field : value` / `field < value`. */
export function kqlFields(query: string): string[] {
  return [...query.matchAll(/([@\w.]+)\s*(?::|<=?|>=?)/g)].map((m) => m[1]!);
}

export function referencedFields(objects: ReturnType<typeof readSavedObjects>): FieldReference[] {
  const refs: FieldReference[] = [];
  const add = (object: string, use: FieldUse) => (field: unknown) => typeof field === 'string' && refs.push({ object, field, use });
  for (const o of objects) {
    const a = o.attributes;
    if (o.type === 'index-pattern') add(o.id, 'time')(a.timeFieldName);
    const meta = a.kibanaSavedObjectMeta as { searchSourceJSON?: string } | undefined;
    if (meta?.searchSourceJSON) {
      const source = JSON.parse(meta.searchSourceJSON) as { query?: { query?: string } };
      kqlFields(source.query?.query ?? '').forEach(add(o.id, 'query'));
    }
    if (o.type === 'search') {
      (a.columns as string[]).forEach(add(o.id, 'column'));
      (a.sort as [string, string][]).forEach(([field]) => add(o.id, 'sort')(field));
    }
    if (o.type === 'visualization') {
      const vis = JSON.parse(a.visState as string) as { aggs: { params: { field?: string } }[] };
      vis.aggs.forEach((agg) => add(o.id, 'aggregation')(agg.params.field));
    }
  }
  return refs;
}

export const needsAggregatable = (use: FieldUse) => use === 'time' || use === 'aggregation' || use === 'sort';

// The Kibana saved objects in infra/kibana are generated, complete, and refer only to fields the
// Elasticsearch mention mapping (packages/store/src/elasticsearch/mapping.ts) has, with a type Kibana
// can aggregate and sort on wherever they aggregate or sort. (The integration twin asks a live
// Elasticsearch's _field_caps the same question.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mentionMappings } from '@earshot/store/elasticsearch';
import { buildSavedObjects, toNdjson } from '../../../infra/kibana/build-saved-objects.js';
import { needsAggregatable, readSavedObjects, referencedFields, SAVED_OBJECTS_PATH } from './testing/kibana-fields.js';

const AGGREGATABLE = new Set([
  'keyword',
  'date',
  'date_nanos',
  'boolean',
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'ip',
  'flattened',
]);

type Mapping = { type?: string; properties?: Record<string, Mapping>; fields?: Record<string, Mapping> };

function lookup(properties: Record<string, Mapping>, field: string): Mapping | undefined {
  if (properties[field]) return properties[field];
  const [head, ...rest] = field.split('.');
  const parent = properties[head!];
  if (!parent || !rest.length) return undefined;
  return lookup({ ...(parent.properties ?? {}), ...(parent.fields ?? {}) }, rest.join('.'));
}

describe('Kibana saved objects', () => {
  const objects = readSavedObjects();

  it('are what build-saved-objects.ts writes (run it after editing)', () => {
    expect(readFileSync(SAVED_OBJECTS_PATH, 'utf8')).toBe(toNdjson(buildSavedObjects()));
  });

  it('hold the data view, the two saved searches and the dashboard, with every reference resolvable', () => {
    const ids = new Set(objects.map((o) => `${o.type}:${o.id}`));
    expect([...ids]).toEqual(
      expect.arrayContaining([
        'index-pattern:earshot-mentions',
        'search:earshot-negative-mentions',
        'search:earshot-word-of-mouth-warnings',
        'dashboard:earshot-overview',
      ]),
    );
    for (const o of readFileSync(SAVED_OBJECTS_PATH, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { references: { type: string; id: string }[] })) {
      for (const r of o.references) expect(ids, `${r.type}:${r.id}`).toContain(`${r.type}:${r.id}`);
    }
    const dashboard = objects.find((o) => o.type === 'dashboard')!;
    expect(JSON.parse(dashboard.attributes.panelsJSON as string)).toHaveLength(6);
  });

  it.each([[['english', 'russian', 'estonian']], [[]]])(
    'refer only to mapped fields of a usable type (language analyzers: %j)',
    (languageAnalyzers: string[]) => {
      const properties = mentionMappings({ languageAnalyzers }).properties as Record<string, Mapping>;
      const refs = referencedFields(objects);
      expect(refs.map((r) => r.field)).toEqual(expect.arrayContaining(['@timestamp', 'sentiment', 'topics', 'sourceId', 'lang', 'author', 'warning']));
      const problems = refs.flatMap((r) => {
        const mapping = lookup(properties, r.field);
        if (!mapping?.type) return [`${r.object}: ${r.field} (${r.use}) is not in the mapping`];
        if (needsAggregatable(r.use) && !AGGREGATABLE.has(mapping.type))
          return [`${r.object}: ${r.field} (${r.use}) is ${mapping.type}, which Kibana cannot aggregate on`];
        if (r.use === 'time' && mapping.type !== 'date') return [`${r.object}: time field ${r.field} is ${mapping.type}`];
        return [];
      });
      expect(problems).toEqual([]);
    },
  );
});

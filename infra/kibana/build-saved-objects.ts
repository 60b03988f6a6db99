// Writes saved-objects.ndjson: what Kibana shows analysts of Earshot's Elasticsearch data — a data
// view on the mention indices, two saved searches and a dashboard. Kibana keeps nested JSON as
// strings inside its saved objects; writing them from code keeps that escaping out of reviews.
//   npx tsx infra/kibana/build-saved-objects.ts      (then commit saved-objects.ndjson)
// Field names follow packages/store/src/elasticsearch/mapping.ts; a test checks each one there.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATA_VIEW_ID = 'earshot-mentions';
/** Matches `<indexPrefix>-mentions-YYYY.MM` for the default prefix `earshot`. */
export const MENTION_INDICES = 'earshot-mentions-*';

const KIBANA = '8.8.0';
const INDEX_REF = 'kibanaSavedObjectMeta.searchSourceJSON.index';
const dataViewRef = { name: INDEX_REF, type: 'index-pattern', id: DATA_VIEW_ID };

export interface SavedObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
  coreMigrationVersion?: string;
  typeMigrationVersion?: string;
  managed?: boolean;
}

function searchSource(query: string) {
  return JSON.stringify({ query: { query, language: 'kuery' }, filter: [], indexRefName: INDEX_REF });
}

function savedSearch(id: string, title: string, description: string, query: string): SavedObject {
  return {
    id,
    type: 'search',
    coreMigrationVersion: KIBANA,
    typeMigrationVersion: '8.0.0',
    attributes: {
      title,
      description,
      columns: ['brandId', 'sentiment', 'lang', 'sourceId', 'author', 'title', 'url'],
      sort: [['@timestamp', 'desc']],
      grid: {},
      hideChart: false,
      kibanaSavedObjectMeta: { searchSourceJSON: searchSource(query) },
    },
    references: [dataViewRef],
  };
}

type Agg = { id: string; type: string; schema: string; params: Record<string, unknown> };
const count: Agg = { id: '1', type: 'count', schema: 'metric', params: {} };
const terms = (id: string, schema: string, field: string, size: number): Agg => ({
  id,
  type: 'terms',
  schema,
  params: { field, size, order: 'desc', orderBy: '1', otherBucket: size < 20, otherBucketLabel: 'Other', missingBucket: false },
});

function visualization(id: string, title: string, type: string, aggs: Agg[], params: Record<string, unknown> = {}): SavedObject {
  return {
    id,
    type: 'visualization',
    coreMigrationVersion: KIBANA,
    typeMigrationVersion: '8.5.0',
    attributes: {
      title,
      description: '',
      uiStateJSON: '{}',
      version: 1,
      visState: JSON.stringify({ title, type, aggs, params: { addTooltip: true, addLegend: true, legendPosition: 'right', ...params } }),
      kibanaSavedObjectMeta: { searchSourceJSON: searchSource('') },
    },
    references: [dataViewRef],
  };
}

export function buildSavedObjects(): SavedObject[] {
  const negative = savedSearch(
    'earshot-negative-mentions',
    'Earshot: negative mentions',
    'Every mention whose overall sentiment is negative, newest first.',
    'sentiment : "negative"',
  );
  const warnings = savedSearch(
    'earshot-word-of-mouth-warnings',
    'Earshot: word-of-mouth warnings',
    'Mentions that warn others ("don\'t buy", "не берите"), newest first.',
    'warning : true',
  );
  const panels: [SavedObject, { x: number; y: number; w: number; h: number }][] = [
    [
      visualization(
        'earshot-mentions-over-time',
        'Earshot: mentions over time by sentiment',
        'histogram',
        [
          count,
          { id: '2', type: 'date_histogram', schema: 'segment', params: { field: '@timestamp', interval: 'auto', min_doc_count: 1, extended_bounds: {} } },
          terms('3', 'group', 'sentiment', 3),
        ],
        { type: 'histogram' },
      ),
      { x: 0, y: 0, w: 32, h: 14 },
    ],
    [
      visualization(
        'earshot-topics-by-sentiment',
        'Earshot: topics by sentiment',
        'horizontal_bar',
        [count, terms('2', 'segment', 'topics', 15), terms('3', 'group', 'sentiment', 3)],
        { type: 'histogram' },
      ),
      { x: 32, y: 0, w: 16, h: 14 },
    ],
    [
      visualization('earshot-sources', 'Earshot: sources', 'pie', [count, terms('2', 'segment', 'sourceId', 10)], { type: 'pie', isDonut: true }),
      { x: 0, y: 14, w: 16, h: 12 },
    ],
    [
      visualization('earshot-languages', 'Earshot: languages', 'pie', [count, terms('2', 'segment', 'lang', 10)], { type: 'pie', isDonut: true }),
      { x: 16, y: 14, w: 16, h: 12 },
    ],
    [
      visualization('earshot-top-authors', 'Earshot: top authors', 'table', [count, terms('2', 'bucket', 'author', 10)], { perPage: 10 }),
      { x: 32, y: 14, w: 16, h: 12 },
    ],
    [negative, { x: 0, y: 26, w: 48, h: 16 }],
  ];
  const dashboard: SavedObject = {
    id: 'earshot-overview',
    type: 'dashboard',
    coreMigrationVersion: KIBANA,
    typeMigrationVersion: '8.9.0',
    attributes: {
      title: 'Earshot: overview',
      description: 'Mentions over time by sentiment, topics, sources, languages, authors and the latest negative mentions.',
      timeRestore: true,
      timeFrom: 'now-30d',
      timeTo: 'now',
      refreshInterval: { pause: false, value: 30_000 },
      optionsJSON: JSON.stringify({ useMargins: true, syncColors: true, hidePanelTitles: false }),
      panelsJSON: JSON.stringify(
        panels.map(([object, grid], i) => ({
          type: object.type,
          gridData: { ...grid, i: String(i + 1) },
          panelIndex: String(i + 1),
          embeddableConfig: { enhancements: {} },
          panelRefName: `panel_${i + 1}`,
        })),
      ),
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
    },
    references: panels.map(([object], i) => ({ name: `${i + 1}:panel_${i + 1}`, type: object.type, id: object.id })),
  };
  const dataView: SavedObject = {
    id: DATA_VIEW_ID,
    type: 'index-pattern',
    coreMigrationVersion: KIBANA,
    typeMigrationVersion: '8.0.0',
    attributes: { title: MENTION_INDICES, name: 'Earshot mentions', timeFieldName: '@timestamp', allowNoIndex: true },
    references: [],
  };
  return [dataView, negative, warnings, ...panels.map(([o]) => o).filter((o) => o.type === 'visualization'), dashboard];
}

export const toNdjson = (objects: SavedObject[]) => objects.map((o) => JSON.stringify(o)).join('\n') + '\n';

export const SAVED_OBJECTS_FILE = fileURLToPath(new URL('./saved-objects.ndjson', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SAVED_OBJECTS_FILE, toNdjson(buildSavedObjects()));
  process.stdout.write(`wrote ${SAVED_OBJECTS_FILE}\n`);
}

// Stories in Elasticsearch: the document written for each (filterable fields beside the whole
// record under `doc`) and a StoryQuery as a structured search — the same filters and text handling
// as mentions (es-query.ts), so user text never becomes query syntax.
import type { estypes } from '@elastic/elasticsearch';
import type { Story } from '@earshot/schema';
import type { StoryQuery } from '../port.js';
import { asList, toEpochMs } from '../time.js';
import { textClauses } from './es-query.js';
import { STORY_SEARCHED_TEXT, withFoldedCopies } from './mapping.js';

type Query = estypes.QueryDslQueryContainer;

export function storyDocument(story: Story) {
  return withFoldedCopies(
    {
      id: story.id,
      brandId: story.brandId,
      title: story.title,
      keyTerms: story.keyTerms.join(' '),
      size: story.size,
      firstSeen: story.firstSeen,
      lastSeen: story.lastSeen,
      sentiment: story.dominantSentiment,
      languages: Object.keys(story.languages),
      sources: Object.keys(story.sources),
      topics: story.topics,
      doc: story,
    },
    STORY_SEARCHED_TEXT,
  );
}

/** The search body for a story query; undefined when its text has nothing searchable. */
export function storySearch(query: StoryQuery): { query: Query; sort: estypes.Sort; size: number; from: number } | undefined {
  const text = query.text ? textClauses(query.text, STORY_SEARCHED_TEXT) : undefined;
  if (query.text && !text) return undefined;
  const filter: Query[] = [];
  const terms = (field: string, values: string[] | undefined) => {
    if (values?.length) filter.push({ terms: { [field]: values } });
  };
  terms('brandId', asList(query.brandId));
  terms('sentiment', asList(query.sentiment));
  terms('languages', asList(query.lang));
  const from = toEpochMs(query.from);
  const to = toEpochMs(query.to);
  if (from !== undefined) filter.push({ range: { lastSeen: { gte: from, format: 'epoch_millis' } } });
  if (to !== undefined) filter.push({ range: { firstSeen: { lt: to, format: 'epoch_millis' } } });
  if (query.minSize !== undefined) filter.push({ range: { size: { gte: query.minSize } } });
  const sort: estypes.Sort = query.sort === 'size' ? [{ size: 'desc' }, { lastSeen: 'desc' }, { id: 'asc' }] : [{ lastSeen: 'desc' }, { id: 'asc' }];
  return {
    query: { bool: { filter, ...(text?.length ? { must: text } : {}) } },
    sort,
    size: Math.min(Math.max(query.limit ?? 20, 0), 1000),
    from: Math.max(query.offset ?? 0, 0),
  };
}

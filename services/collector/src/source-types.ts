// The registry of source types by config `type`. Add a new type here after writing its file.
import { createRssSource } from './sources/rss.js';
import type { SourceType } from './source-type.js';

export function createSourceTypes(): Map<string, SourceType> {
  const rss = createRssSource();
  return new Map<string, SourceType>([
    ['rss', rss],
    ['atom', rss],
  ]);
}

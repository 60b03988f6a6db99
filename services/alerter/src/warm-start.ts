// Warm start: rebuild a brand's windows and baselines from the store, and the open alerts, so a
// restart neither forgets a building spike nor fires an alert again. Mentions of the last
// `replaySpan` are replayed one by one (exact windows, deduplicated by id); older history arrives
// as the aggregates each rule asks for.
import type { AlertStore, MentionIndex } from '@earshot/store';
import type { AlertEngine } from './engine.js';

export interface WarmStartOptions {
  engine: AlertEngine;
  /** Mentions to replay and aggregate; open alerts and stories to restore. */
  store: MentionIndex & AlertStore;
  brandId: string;
  now: number;
  /** Most mentions replayed per brand (the store pages 1000 at a time). */
  maxReplay?: number;
}

export interface WarmStartResult {
  replayed: number;
  baselineQueries: number;
  restoredAlerts: number;
  restoredStories: number;
}

const PAGE = 1000;

export async function warmStartBrand(options: WarmStartOptions): Promise<WarmStartResult> {
  const { engine, store, brandId, now } = options;
  const maxReplay = options.maxReplay ?? 20_000;
  engine.forget(brandId);
  const replayFrom = now - engine.replaySpan;

  // Open stories first, so replayed mentions that are already members are not grouped again.
  const stories = await store.searchStories({ brandId, from: now - engine.storyGapMs, limit: 1000 });
  engine.restoreStories(stories.stories);

  const mentions = [];
  for (let offset = 0; offset < maxReplay; offset += PAGE) {
    const page = await store.search({ brandId, from: replayFrom, sort: 'time', limit: PAGE, offset });
    mentions.push(...page.mentions);
    if (page.mentions.length < PAGE || offset + PAGE >= page.total) break;
  }
  // Oldest first, as the stream delivered them: a mention no stored story holds is grouped as it was.
  for (let i = mentions.length - 1; i >= 0; i--) engine.replay(mentions[i]!, now);
  const replayed = mentions.length;

  let baselineQueries = 0;
  for (const request of engine.baselineRequests(brandId, replayFrom, now)) {
    const results = [];
    for (const query of request.queries) results.push(await store.aggregate(query));
    baselineQueries += request.queries.length;
    engine.seedBaseline(brandId, request.evaluator, results);
  }

  const alerts = await store.listAlerts({ brandId, state: 'open', limit: 1000 });
  for (const alert of alerts) engine.restore(alert);
  return { replayed, baselineQueries, restoredAlerts: alerts.length, restoredStories: stories.stories.length };
}
